using System.Text.RegularExpressions;
using System.Text.Json;
using Akka.Actor;
using Akka.Configuration;
using EdgeCity.Actors.Signals;
using EdgeCity.Domain.Control;
using EdgeCity.Domain.Control.Controllers;
using Prometheus;

namespace EdgeCity.Actors.Tests.Signals;

public sealed class IntersectionCoordinatorSpec : Akka.TestKit.Xunit2.TestKit
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    private readonly ManualTimeProvider _time = new(Start);
    private readonly RecordingSignalHead _head = new();
    private readonly StringWriter _auditText = new();
    private readonly JsonLinesSignalAuditLog _audit;

    public IntersectionCoordinatorSpec()
        : base(ConfigurationFactory.ParseString("akka.loglevel = INFO"))
    {
        _audit = new JsonLinesSignalAuditLog(_auditText);
    }

    /// <summary>Starts a coordinator and waits until it runs (its timer exists once PreStart has run).</summary>
    private async Task<IActorRef> CoordinatorAsync(SignalTimings timings, ISignalController? controller = null, Func<IntersectionCoordinatorSettings, IntersectionCoordinatorSettings>? tune = null)
    {
        var settings = new IntersectionCoordinatorSettings(
            timings, controller ?? new ScheduleDrivenController(timings, new SaturationFlows(timings.Model)), _head, _audit, _time)
        {
            StaleAfter = TimeSpan.FromSeconds(5),
        };
        var coordinator = Sys.ActorOf(IntersectionCoordinator.Props(tune?.Invoke(settings) ?? settings));
        await StatusAsync(coordinator);
        return coordinator;
    }

    private void Measure(IActorRef coordinator, SignalTimings timings, Func<string, bool>? which = null, double queue = 2)
    {
        foreach (var m in timings.Model.Movements.Where(m => which?.Invoke(m.Id) ?? true))
        {
            coordinator.Tell(new MovementMeasurement(m.Id, new MovementObservation { QueueVehicles = queue, Presence = queue > 0 }, _time.GetUtcNow()));
        }
    }

    private Task<IntersectionStatus> StatusAsync(IActorRef coordinator) =>
        coordinator.Ask<IntersectionStatus>(GetIntersectionStatus.Instance, TimeSpan.FromSeconds(5));

    private static async Task<string> ScrapeAsync()
    {
        using var stream = new MemoryStream();
        await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task Ticks_ten_times_a_second_from_its_time_provider()
    {
        var coordinator = await CoordinatorAsync(SignalTestModels.Cross("tick-10hz"));

        _time.AdvanceInSteps(TimeSpan.FromSeconds(3), Tick);

        var status = await StatusAsync(coordinator);
        Assert.Equal(30, status.Ticks);
        Assert.Equal(3.0, status.Signal.TimeSeconds, 6);
    }

    [Fact]
    public void Refuses_a_tick_slower_than_ten_hertz()
    {
        var timings = SignalTestModels.Cross("slow");
        var settings = new IntersectionCoordinatorSettings(timings, new FixedTimeController(timings), _head, _audit, _time) { TickInterval = TimeSpan.FromMilliseconds(250) };

        var e = Assert.Throws<ArgumentException>(() => new IntersectionCoordinator(settings));
        Assert.Contains("10 Hz", e.Message);
    }

    [Fact]
    public async Task Falls_back_per_approach_when_its_data_goes_stale_and_says_so_in_the_metric_and_the_log()
    {
        var timings = SignalTestModels.Cross("fallback-x");
        var coordinator = await CoordinatorAsync(timings);
        Measure(coordinator, timings);
        _time.AdvanceInSteps(TimeSpan.FromSeconds(2), Tick);
        var fresh = await StatusAsync(coordinator);
        Assert.Equal(FallbackMode.None, fresh.Fallback);
        Assert.Contains("edgecity_signal_fallback_active{intersection=\"fallback-x\"} 0", await ScrapeAsync());

        // Only the north approach keeps reporting; east (ew, ewl) stops. After 5 s its data is stale.
        await EventFilter.Warning(contains: "falls back to RecallStaleApproaches").ExpectOneAsync(async () =>
        {
            for (var s = 0; s < 8; s++)
            {
                Measure(coordinator, timings, m => m is "ns" or "nsl" or "pw");
                _time.AdvanceInSteps(TimeSpan.FromSeconds(1), Tick);
            }

            await StatusAsync(coordinator);
        });
        var partial = await StatusAsync(coordinator);
        Assert.Equal(FallbackMode.RecallStaleApproaches, partial.Fallback);
        Assert.Equal(["ew", "ewl"], partial.StaleMovements);
        var text = await ScrapeAsync();
        Assert.Contains("edgecity_signal_fallback_active{intersection=\"fallback-x\"} 1", text);
        Assert.Contains("edgecity_signal_stale_movements{intersection=\"fallback-x\"} 2", text);

        // Nothing reports any more: fixed time.
        _time.AdvanceInSteps(TimeSpan.FromSeconds(6), Tick);
        Assert.Equal(FallbackMode.FixedTime, (await StatusAsync(coordinator)).Fallback);

        // Data is back: the configured controller decides again and the metric clears.
        Measure(coordinator, timings);
        _time.AdvanceInSteps(TimeSpan.FromSeconds(1), Tick);
        Assert.Equal(FallbackMode.None, (await StatusAsync(coordinator)).Fallback);
        Assert.Contains("edgecity_signal_fallback_active{intersection=\"fallback-x\"} 0", await ScrapeAsync());
    }

    [Fact]
    public async Task Starting_without_data_is_said_plainly_not_as_a_fallback_warning()
    {
        var timings = SignalTestModels.Cross("start-x");

        await EventFilter.Warning(contains: "falls back").ExpectAsync(0, async () =>
        {
            await EventFilter.Info(contains: "Coordinator start-x runs FixedTime until its first measurements arrive").ExpectOneAsync(async () =>
            {
                var coordinator = await CoordinatorAsync(timings);
                _time.AdvanceInSteps(TimeSpan.FromSeconds(2), Tick);
                await StatusAsync(coordinator);
            });
        });
    }

    /// <summary>A broken adaptive plan: north-south for ever.</summary>
    private sealed class HoldsNorthSouth : ISignalController
    {
        public string Name => "holds-ns";

        public SignalDecision Decide(ControllerInput input) => new("NS", "holds-ns: NS for ever");
    }

    [Fact]
    public async Task A_plan_that_starves_a_movement_is_handed_back_to_actuated_control_said_in_metrics_and_audit()
    {
        var timings = SignalTestModels.Cross("supervised-x");
        var coordinator = await CoordinatorAsync(timings, new HoldsNorthSouth());
        for (var s = 0; s < 200; s++)
        {
            Measure(coordinator, timings, queue: 3);
            _time.AdvanceInSteps(TimeSpan.FromSeconds(1), Tick);
        }

        var status = await StatusAsync(coordinator);
        await AwaitConditionAsync(() => Task.FromResult(_head.Commands.Count == status.Decisions + 1), TimeSpan.FromSeconds(5));
        await _audit.DisposeAsync();

        var metrics = await ScrapeAsync();
        Assert.Contains("edgecity_signal_supervisor_handed_back{intersection=\"supervised-x\"} 1", metrics);
        Assert.Contains("edgecity_signal_supervisor_handbacks_total{intersection=\"supervised-x\"} 1", metrics);
        var reasons = _auditText.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("reason").GetString()!).ToList();
        Assert.Contains(reasons, r => r.StartsWith("handed back to actuated until ", StringComparison.Ordinal) && r.Contains("kept red"));
        // The fallback served the starved east-west movements, and no rule was broken on the way.
        Assert.Contains(_head.Commands, c => c.State["ew"].IsGreen());
        Assert.Equal(0, status.RuleBreaks);
    }

    [Fact]
    public async Task Every_change_reaches_the_head_in_order_and_the_audit_log_as_json_lines_with_its_reason()
    {
        var timings = SignalTestModels.Cross("audit-x");
        var coordinator = await CoordinatorAsync(timings);
        for (var s = 0; s < 200; s++)
        {
            Measure(coordinator, timings, queue: 1 + (s % 6));
            _time.AdvanceInSteps(TimeSpan.FromSeconds(1), Tick);
        }

        var status = await StatusAsync(coordinator);
        await AwaitConditionAsync(() => Task.FromResult(_head.Commands.Count == status.Decisions + 1), TimeSpan.FromSeconds(5));
        await _audit.DisposeAsync();

        var lines = _auditText.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(_head.Commands.Count, lines.Length);
        Assert.True(status.Decisions > 10, $"only {status.Decisions} decisions in 200 s");
        Assert.Equal(0, status.RuleBreaks);

        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal("audit-x", first.GetProperty("intersection").GetString());
        Assert.Equal("start-up: all red before the first phase", first.GetProperty("reason").GetString());
        Assert.Equal("Red", first.GetProperty("indications").GetProperty("ns").GetString());
        Assert.Equal(Start, first.GetProperty("time").GetDateTimeOffset());

        var records = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(records, r =>
        {
            Assert.Equal("schedule", r.GetProperty("controller").GetString());
            Assert.False(string.IsNullOrEmpty(r.GetProperty("reason").GetString()));
            Assert.Equal(5, r.GetProperty("indications").EnumerateObject().Count());
        });
        Assert.Contains(records, r => r.GetProperty("reason").GetString()!.StartsWith("schedule: switch to", StringComparison.Ordinal));
        Assert.Contains(records, r => r.GetProperty("indications").GetProperty("ew").GetString() == "Yellow");

        // The head saw the same states in the same order, and they keep every rule.
        var monitor = new SignalRuleMonitor(timings, 0, Tick.TotalSeconds);
        var commands = _head.Commands.ToList();
        foreach (var c in commands)
        {
            monitor.Observe(c.State);
        }

        Assert.Empty(monitor.Violations);
        Assert.Equal(records.Select(r => r.GetProperty("time").GetDateTimeOffset()), commands.Select(c => c.At));

        // The metrics name the phase as the API and audit log do, one series at a time.
        var active = Regex.Matches(await ScrapeAsync(), "^edgecity_signal_active_phase\\{intersection=\"audit-x\",phase=\"([^\"]+)\"\\} 1$", RegexOptions.Multiline);
        Assert.Equal(status.Signal.ActivePhaseId, Assert.Single(active).Groups[1].Value);
    }

    [Fact]
    public async Task Counters_that_must_stay_zero_export_a_zero_from_the_start()
    {
        await CoordinatorAsync(SignalTestModels.Cross("zeros-x"));

        var text = await ScrapeAsync();
        foreach (var series in new[]
        {
            "edgecity_signal_rule_breaks_total{intersection=\"zeros-x\"} 0",
            "edgecity_signal_controller_errors_total{intersection=\"zeros-x\"} 0",
            "edgecity_signal_head_errors_total{intersection=\"zeros-x\"} 0",
            "edgecity_signal_supervisor_handbacks_total{intersection=\"zeros-x\"} 0",
            "edgecity_validator_violations_prevented_total{intersection=\"zeros-x\",rule=\"ConflictingGreen\"} 0",
            "edgecity_validator_violations_prevented_total{intersection=\"zeros-x\",rule=\"Clearance\"} 0",
        })
        {
            Assert.Contains(series, text);
        }
    }

    [Fact]
    public async Task Counts_the_violations_the_validator_prevented_by_rule()
    {
        var timings = SignalTestModels.Cross("violations-x");
        var coordinator = await CoordinatorAsync(timings, new WantsPhase("NOPE"));
        for (var s = 0; s < 60; s++)
        {
            Measure(coordinator, timings);
            _time.AdvanceInSteps(TimeSpan.FromSeconds(1), Tick);
        }

        var status = await StatusAsync(coordinator);
        Assert.True(status.ViolationsPrevented >= 2);
        var text = await ScrapeAsync();
        // The series exist from the start (at 0); these two rules counted.
        Assert.Matches("edgecity_validator_violations_prevented_total\\{intersection=\"violations-x\",rule=\"UnknownPhase\"\\} [1-9]", text);
        Assert.Matches("edgecity_validator_violations_prevented_total\\{intersection=\"violations-x\",rule=\"MaxGreen\"\\} [1-9]", text);
        Assert.Matches("edgecity_signal_decisions_total\\{intersection=\"violations-x\"\\} [1-9]", text);
        Assert.Matches("edgecity_signal_phase\\{intersection=\"violations-x\"\\} [0-3]", text);
    }

    [Fact]
    public async Task A_failing_head_is_counted_and_the_coordinator_keeps_deciding()
    {
        var timings = SignalTestModels.Cross("head-fail-x");
        _head.Fail = true;
        var coordinator = await CoordinatorAsync(timings, new FixedTimeController(timings));

        _time.AdvanceInSteps(TimeSpan.FromSeconds(30), Tick);

        var status = await StatusAsync(coordinator);
        Assert.Equal(300, status.Ticks);
        await AwaitAssertAsync(async () => Assert.Matches("edgecity_signal_head_errors_total\\{intersection=\"head-fail-x\"\\} [1-9]", await ScrapeAsync()));
    }

    [Fact]
    public async Task Takes_an_upstream_neighbours_planned_outflow_as_predicted_arrivals()
    {
        var timings = SignalTestModels.Cross("downstream-x");
        var seen = new SeesInputs();
        var coordinator = await CoordinatorAsync(timings, seen, s => s with
        {
            UpstreamLinks = [new ForecastLink("upstream-x", "ew", "ew", TravelSeconds: 20)],
        });
        Measure(coordinator, timings, queue: 0);
        var nowUnix = _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        coordinator.Tell(new OutflowForecast("upstream-x", nowUnix, 1.0, new Dictionary<string, IReadOnlyList<double>>
        {
            ["ew"] = [0.5, 0.5, 0.5, 0.5, 0, 0],
        }));

        _time.Advance(Tick);
        await StatusAsync(coordinator);

        var ew = seen.Last!.Of("ew");
        Assert.Equal([20.4, 22.4], ew.Approaching.Select(v => Math.Round(v.EtaSeconds, 1)));
        Assert.Empty(seen.Last.Of("ns").Approaching);
    }

    [Fact]
    public async Task A_throwing_controller_is_counted_and_the_signal_keeps_running_safely()
    {
        var timings = SignalTestModels.Cross("controller-fail-x");
        var coordinator = await CoordinatorAsync(timings, new Throws());
        Measure(coordinator, timings);

        _time.AdvanceInSteps(TimeSpan.FromSeconds(60), Tick);

        var status = await StatusAsync(coordinator);
        Assert.Equal(600, status.Ticks);
        Assert.Equal(0, status.RuleBreaks);
        Assert.Contains("edgecity_signal_controller_errors_total{intersection=\"controller-fail-x\"}", await ScrapeAsync());
    }

    [Fact]
    public async Task Taking_over_a_running_signal_starts_from_the_phase_it_shows_without_cutting_its_greens()
    {
        var timings = SignalTestModels.Cross("adopt-x");
        var coordinator = await CoordinatorAsync(timings, new FixedTimeController(timings), s => s with { AdoptPhaseId = "EW" });

        _time.AdvanceInSteps(TimeSpan.FromSeconds(60), Tick);

        var status = await StatusAsync(coordinator);
        await AwaitConditionAsync(() => Task.FromResult(_head.Commands.Count == status.Decisions + 1), TimeSpan.FromSeconds(5));
        var first = _head.Commands.First();
        Assert.Equal("start-up: adopted phase EW", first.Reason);
        Assert.Equal(SignalIndication.Green, first.State["ew"]);
        Assert.Equal(SignalIndication.Yellow, _head.Commands.Skip(1).First().State["ew"]);
        Assert.Equal(0, status.RuleBreaks);
    }

    [Fact]
    public async Task Publishes_every_change_on_the_event_stream()
    {
        var listener = CreateTestProbe();
        Sys.EventStream.Subscribe(listener, typeof(SignalStateChanged));
        var timings = SignalTestModels.Cross("events-x");
        await CoordinatorAsync(timings, new FixedTimeController(timings));

        _time.AdvanceInSteps(TimeSpan.FromSeconds(3), Tick);

        var startUp = listener.FishForMessage<SignalStateChanged>(e => e.IntersectionId == "events-x");
        Assert.Equal(SignalIndication.Red, startUp.State["ns"]);
        var green = listener.FishForMessage<SignalStateChanged>(e => e.IntersectionId == "events-x");
        Assert.Equal(SignalIndication.Green, green.State["ns"]);
        Assert.Equal(Start + TimeSpan.FromSeconds(2), green.At);
        Assert.Equal(FallbackMode.FixedTime, green.Fallback);
    }

    private sealed class Throws : ISignalController
    {
        public string Name => "throws";

        public SignalDecision Decide(ControllerInput input) => throw new InvalidOperationException("bug");
    }

    private sealed class WantsPhase(string phase) : ISignalController
    {
        public string Name => "wants";

        public SignalDecision Decide(ControllerInput input) => new(phase, $"always {phase}");
    }

    private sealed class SeesInputs : ISignalController
    {
        public ControllerInput? Last { get; private set; }

        public string Name => "sees";

        public SignalDecision Decide(ControllerInput input)
        {
            Last = input;
            return new SignalDecision(input.Signal.ActivePhaseId, "hold");
        }
    }
}
