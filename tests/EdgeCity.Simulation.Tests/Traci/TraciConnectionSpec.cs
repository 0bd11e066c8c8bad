using EdgeCity.Simulation.Sumo;
using EdgeCity.Simulation.Traci;

namespace EdgeCity.Simulation.Tests.Traci;

public sealed class TraciConnectionSpec : IDisposable
{
    private readonly ShippedScenario _cross = new("cross");

    public void Dispose() => _cross.Dispose();

    private Task<SumoProcess> StartCross(params string[] extra) => SumoProcess.StartAsync(new SumoLaunchOptions
    {
        NetFile = _cross.File_("cross.net.xml"),
        RouteFiles = [_cross.File_("cross.rou.xml")],
        End = 120,
        StepLength = 0.5,
        WorkingDirectory = _cross.Folder,
        ExtraArguments = extra,
    });

    [Fact]
    public async Task Get_version_reports_the_api_of_sumo_1_15()
    {
        using var sumo = await StartCross();

        var (api, version) = sumo.Traci.GetVersion();

        Assert.Equal(20, api);
        Assert.Contains("1.15", version);
    }

    [Fact]
    public async Task Stepping_advances_time_and_vehicles_appear_with_their_real_dimensions()
    {
        using var sumo = await StartCross();
        var traci = sumo.Traci;

        for (var i = 0; i < 40; i++)
        {
            traci.Step();
        }

        Assert.Equal(20.0, traci.Time, 6);
        var ids = traci.VehicleIds();
        Assert.NotEmpty(ids);
        var states = traci.VehicleStates(ids);
        Assert.Equal(ids.Count, states.Count);
        foreach (var (state, id) in states.Zip(ids))
        {
            Assert.Equal(id, state.Id);
            Assert.Equal(traci.VehiclePosition(id), (state.X, state.Y));
            Assert.Equal(traci.VehicleAngle(id), state.Angle);
            Assert.Equal(traci.VehicleLane(id), state.LaneId);
            Assert.InRange(state.Length, 2.0, 20.0);
            Assert.InRange(state.Width, 1.0, 3.0);
            Assert.False(string.IsNullOrEmpty(state.VehicleClass));
            // The cross lies around (200, 200); every vehicle is within the network's bounds.
            Assert.InRange(state.X, -10, 410);
            Assert.InRange(state.Y, -10, 410);
        }
    }

    [Fact]
    public async Task A_signal_state_set_over_traci_is_read_back_after_a_step()
    {
        using var sumo = await StartCross();
        var traci = sumo.Traci;
        var tls = Assert.Single(traci.TrafficLightIds());
        Assert.Equal("0", tls);
        Assert.Equal("GGgrrrGGgrrr", traci.GetRedYellowGreenState(tls));
        Assert.Equal(0, traci.GetPhase(tls));
        Assert.Equal("0", traci.GetProgram(tls));

        traci.SetRedYellowGreenState(tls, "rrrGGgrrrGGg");
        traci.Step();

        Assert.Equal("rrrGGgrrrGGg", traci.GetRedYellowGreenState(tls));
        // Setting a state switches to SUMO's 'online' program.
        Assert.Equal("online", traci.GetProgram(tls));

        traci.SetProgram(tls, "0");
        traci.SetPhase(tls, 4);
        traci.SetPhaseDuration(tls, 7.5);
        traci.Step();
        Assert.Equal(4, traci.GetPhase(tls));
        Assert.Equal("rrrGGgrrrGGg", traci.GetRedYellowGreenState(tls));
        Assert.Equal(traci.Time - 0.5 + 7.5, traci.GetNextSwitch(tls), 6);
    }

    [Fact]
    public async Task Controlled_links_list_one_incoming_and_outgoing_lane_per_signal_index()
    {
        using var sumo = await StartCross();

        var links = sumo.Traci.GetControlledLinks("0");

        Assert.Equal(12, links.Count);
        Assert.Equal(new TraciLink("2si_0", "4o_0", ":0_0_0"), Assert.Single(links[0]));
        Assert.Equal(new TraciLink("1si_2", "4o_0", ":0_8_0"), Assert.Single(links[8]));
    }

    [Fact]
    public async Task Lane_readings_agree_with_the_vehicles_on_the_lane()
    {
        using var sumo = await StartCross();
        var traci = sumo.Traci;
        for (var i = 0; i < 80; i++)
        {
            traci.Step();
        }

        var states = traci.VehicleStates(traci.VehicleIds());
        foreach (var lane in states.Select(s => s.LaneId).Where(l => !l.StartsWith(':')).Distinct())
        {
            Assert.Equal(states.Count(s => s.LaneId == lane), traci.LaneVehicleCount(lane));
            var halting = states.Count(s => s.LaneId == lane && s.Speed < 0.1);
            Assert.Equal(halting, traci.LaneHaltingCount(lane));
            Assert.True(traci.LaneWaitingTime(lane) >= 0);
        }
    }

    [Fact]
    public async Task Errors_from_sumo_carry_its_message_and_the_connection_stays_usable()
    {
        using var sumo = await StartCross();

        var ex = Assert.Throws<TraciException>(() => sumo.Traci.GetRedYellowGreenState("no-such-light"));

        Assert.Contains("no-such-light", ex.Message);
        Assert.Equal(0.0, sumo.Traci.Time);
    }

    [Fact]
    public async Task A_bad_network_fails_to_start_with_sumos_error()
    {
        var bad = _cross.File_("broken.net.xml");
        await File.WriteAllTextAsync(bad, "<net><edge id=");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => SumoProcess.StartAsync(new SumoLaunchOptions { NetFile = bad }));

        Assert.Contains("Error", ex.Message);
        Assert.Contains("broken.net.xml", ex.Message);
    }

    [Fact]
    public async Task Disposing_kills_sumo()
    {
        var sumo = await StartCross();
        var pid = sumo.ProcessId;

        sumo.Dispose();

        Assert.Throws<ArgumentException>(() => System.Diagnostics.Process.GetProcessById(pid));
    }
}
