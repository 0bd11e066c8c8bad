using EdgeCity.Simulation.Traci;

namespace EdgeCity.Simulation.Tests.Traci;

public sealed class PersonStatesSpec : IDisposable
{
    private readonly WalkingScenario _walk = WalkingScenario.Create();

    public void Dispose() => _walk.Dispose();

    [Fact]
    public async Task Pedestrians_come_with_position_heading_walking_speed_and_the_pedestrian_class()
    {
        using var sumo = await _walk.StartAsync();
        var traci = sumo.Traci;
        traci.Step(120);

        var ids = traci.PersonIds();
        var states = traci.PersonStates(ids);

        // Two flows, one person every 4 s and 5 s, walking ~400 m at ~1.3 m/s: dozens are under way after 120 s.
        Assert.InRange(ids.Count, 20, 60);
        Assert.Equal(ids, states.Select(s => s.Id));
        Assert.All(states, s =>
        {
            Assert.Equal(TraciConnection.PedestrianClass, s.VehicleClass);
            Assert.InRange(s.Speed, 0, 2.5);
            // SUMO 1.15's default pedestrian type: 0.215 m front to back, 0.478 m shoulder to shoulder.
            Assert.Equal(0.215, s.Length, 3);
            Assert.Equal(0.478, s.Width, 3);
            Assert.InRange(s.X, -5, 405);
            Assert.InRange(s.Y, -5, 405);
            Assert.False(string.IsNullOrEmpty(s.LaneId));
        });
        Assert.Contains(states, s => s.Id.StartsWith("east", StringComparison.Ordinal));
        Assert.Contains(states, s => s.Id.StartsWith("north", StringComparison.Ordinal));
        // Walking east along the west arm means heading about 90° (SUMO: 0 = north, clockwise).
        Assert.Contains(states, s => s.Id.StartsWith("east", StringComparison.Ordinal) && s.X < 150 && Math.Abs(s.Angle - 90) < 20 && s.Speed > 0.5);
    }

    [Fact]
    public async Task No_persons_is_an_empty_answer_and_the_connection_stays_open()
    {
        using var sumo = await _walk.StartAsync();
        var traci = sumo.Traci;

        var states = traci.PersonStates(traci.PersonIds());
        traci.Step(10);

        Assert.Empty(states);
        Assert.Equal(10.0, traci.Time, 6);
        Assert.NotEmpty(traci.PersonStates(traci.PersonIds()));
    }
}
