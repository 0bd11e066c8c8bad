using EdgeCity.Domain.Control;

namespace EdgeCity.Domain.Tests.Control;

public sealed class SignalRuleMonitorSpec
{
    private static SignalState State(double t, SignalIndication a, SignalIndication b) =>
        new(t, new Dictionary<string, SignalIndication> { ["a"] = a, ["b"] = b }, "A", false, 0);

    [Fact]
    public void Flags_two_foes_green_together()
    {
        var monitor = new SignalRuleMonitor(new SignalTimings(TestModels.TwoPhase()), 0, 0.1);

        monitor.Observe(State(10, SignalIndication.Green, SignalIndication.Green));

        Assert.Contains(monitor.Violations, v => v.Rule == ValidatorRule.ConflictingGreen);
    }

    [Fact]
    public void Flags_a_green_cut_to_red_a_short_yellow_and_a_foe_starting_inside_the_all_red()
    {
        var monitor = new SignalRuleMonitor(new SignalTimings(TestModels.TwoPhase(min: 0)), 0, 0.1);

        monitor.Observe(State(10, SignalIndication.Green, SignalIndication.Red));
        monitor.Observe(State(20, SignalIndication.Red, SignalIndication.Red));
        monitor.Observe(State(30, SignalIndication.Green, SignalIndication.Red));
        monitor.Observe(State(40, SignalIndication.Yellow, SignalIndication.Red));
        monitor.Observe(State(41, SignalIndication.Red, SignalIndication.Red));
        monitor.Observe(State(44, SignalIndication.Red, SignalIndication.Green));

        var details = monitor.Violations.Select(v => v.Detail).ToList();
        Assert.Equal(3, monitor.Violations.Count(v => v.Rule == ValidatorRule.Clearance));
        Assert.Contains(details, d => d.Contains("green to red without yellow"));
        Assert.Contains(details, d => d.Contains("yellow lasted 1.00 s < 3.00 s"));
        Assert.Contains(details, d => d.Contains("b took Green 4.00 s after foe a ended"));
    }

    [Fact]
    public void Flags_a_green_shorter_than_its_minimum()
    {
        var monitor = new SignalRuleMonitor(new SignalTimings(TestModels.TwoPhase(min: 5)), 0, 0.1);

        monitor.Observe(State(10, SignalIndication.Green, SignalIndication.Red));
        monitor.Observe(State(12, SignalIndication.Yellow, SignalIndication.Red));

        Assert.Contains(monitor.Violations, v => v.Rule == ValidatorRule.MinGreen);
    }
}
