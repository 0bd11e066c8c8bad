using EdgeCity.Domain.Control;

namespace EdgeCity.Domain.Tests.Control;

public sealed class PlanValidatorSpec
{
    private static (PlanValidator Validator, List<ValidatedStep> Steps) Run(SignalTimings timings, Func<double, string> target, double until, double tick = 0.1)
    {
        var validator = new PlanValidator(timings, 0.0);
        var steps = new List<ValidatedStep>();
        for (var i = 1; i * tick <= until + 1e-9; i++)
        {
            var t = Math.Round(i * tick, 6);
            steps.Add(validator.Step(t, new SignalDecision(target(t), "spec")));
        }

        return (validator, steps);
    }

    private static double FirstTime(List<ValidatedStep> steps, Func<SignalState, bool> when, double after = 0) =>
        steps.First(s => s.State.TimeSeconds > after && when(s.State)).State.TimeSeconds;

    [Fact]
    public void Starts_in_all_red_and_serves_the_first_phase_after_the_all_red()
    {
        var validator = new PlanValidator(new SignalTimings(TestModels.TwoPhase()), 0.0);

        Assert.All(validator.Current.Indications.Values, i => Assert.Equal(SignalIndication.Red, i));
        validator.Step(1.9, new SignalDecision("A", "spec"));
        Assert.Equal(SignalIndication.Red, validator.Current["a"]);
        validator.Step(2.0, new SignalDecision("A", "spec"));
        Assert.Equal(SignalIndication.Green, validator.Current["a"]);
        Assert.False(validator.Current.InTransition);
    }

    [Fact]
    public void Adopting_a_signal_that_shows_a_phase_keeps_its_greens_and_ends_them_through_yellow()
    {
        var timings = new SignalTimings(TestModels.TwoPhase());
        var validator = PlanValidator.Adopting(timings, 100.0, "B");
        var monitor = new SignalRuleMonitor(timings, 100.0, 0.1);
        monitor.Adopt(validator.Current);

        Assert.Equal(SignalIndication.Green, validator.Current["b"]);
        Assert.False(validator.Current.InTransition);
        for (var t = 100.1; t < 130; t += 0.1)
        {
            monitor.Observe(validator.Step(t, new SignalDecision("A", "spec")).State);
        }

        Assert.Empty(monitor.Violations);
        Assert.Equal(SignalIndication.Green, validator.Current["a"]);
    }

    [Fact]
    public void A_green_ends_through_its_full_yellow_and_all_red_before_the_foe_starts()
    {
        var (_, steps) = Run(new SignalTimings(TestModels.TwoPhase()), t => t < 10 ? "A" : "B", 20);

        Assert.Equal(10.0, FirstTime(steps, s => s["a"] == SignalIndication.Yellow), 6);
        Assert.Equal(13.0, FirstTime(steps, s => s["a"] == SignalIndication.Red, 10), 6);
        Assert.Equal(15.0, FirstTime(steps, s => s["b"] == SignalIndication.Green), 6);
        Assert.DoesNotContain(steps, s => s.State["a"].IsGreen() && s.State["b"].IsGreen());
    }

    [Fact]
    public void A_switch_before_min_green_is_deferred_to_min_green_and_reported_once()
    {
        // A serves from 2 s (start-up all-red); min green 5 s, so the earliest switch is at 7 s.
        var (_, steps) = Run(new SignalTimings(TestModels.TwoPhase(min: 5)), t => t < 3 ? "A" : "B", 20);

        Assert.Equal(7.0, FirstTime(steps, s => s["a"] == SignalIndication.Yellow), 6);
        var refused = steps.SelectMany(s => s.Violations).Where(v => v.Rule == ValidatorRule.MinGreen).ToList();
        Assert.Single(refused);
        Assert.Contains("min 5.0 s", refused[0].Detail);
    }

    [Fact]
    public void A_phase_held_past_max_green_is_ended_and_reported()
    {
        var (_, steps) = Run(new SignalTimings(TestModels.TwoPhase(max: 30)), _ => "A", 40);

        Assert.Equal(32.0, FirstTime(steps, s => s["a"] == SignalIndication.Yellow), 6);
        Assert.Equal(37.0, FirstTime(steps, s => s["b"] == SignalIndication.Green), 6);
        Assert.Single(steps.SelectMany(s => s.Violations), v => v.Rule == ValidatorRule.MaxGreen);
    }

    [Fact]
    public void Foes_share_green_only_when_one_is_permissive_and_yields()
    {
        var timings = TestModels.CrossTimings();
        var (_, steps) = Run(timings, t => t < 20 ? "NS" : "NSL", 40);

        // In NS the left nsl runs permissive beside its priority foes ns and the crossing pw; it turns protected only
        // when both have cleared: the crossing's flashing don't walk (8 s) and all-red (2 s) are the longer.
        Assert.Contains(steps, s => s.State["ns"] == SignalIndication.Green && s.State["nsl"] == SignalIndication.PermissiveGreen);
        var protectedLeft = FirstTime(steps, s => s["nsl"] == SignalIndication.Green);
        var nsYellow = FirstTime(steps, s => s["ns"] == SignalIndication.Yellow);
        Assert.Equal(nsYellow + 10.0, protectedLeft, 6);
        Assert.DoesNotContain(steps, s => s.State["ns"].IsGreen() && s.State["ew"].IsGreen());
    }

    [Fact]
    public void Pedestrian_walk_raises_min_green_and_flashing_dont_walk_lasts_the_pedestrian_clearance()
    {
        var timings = TestModels.CrossTimings();
        Assert.Equal(10.0, timings.MinGreenSeconds(timings.Model.Phases[0]));
        Assert.Equal(8.0, timings.ClearanceSeconds("pw"));

        // NS serves from 2 s; the walk of 10 s holds it until 12 s although NS's own minimum is 6 s.
        var (_, steps) = Run(timings, t => t < 3 ? "NS" : "EW", 40);
        var walkEnds = FirstTime(steps, s => s["pw"] == SignalIndication.Yellow);
        Assert.Equal(12.0, walkEnds, 6);
        Assert.Equal(walkEnds + 8.0, FirstTime(steps, s => s["pw"] == SignalIndication.Red, walkEnds), 6);
        Assert.Equal(walkEnds + 10.0, FirstTime(steps, s => s["ew"] == SignalIndication.Green), 6);
    }

    [Fact]
    public void A_decision_for_an_unknown_phase_is_reported_and_the_current_phase_held()
    {
        var (validator, steps) = Run(new SignalTimings(TestModels.TwoPhase()), t => t < 5 ? "A" : "Z", 20);

        Assert.Equal("A", validator.Current.ActivePhaseId);
        Assert.Single(steps.SelectMany(s => s.Violations), v => v.Rule == ValidatorRule.UnknownPhase);
    }

    [Fact]
    public void A_redirect_during_a_transition_is_refused_until_the_transition_completes()
    {
        var timings = TestModels.CrossTimings();
        var (_, steps) = Run(timings, t => t < 15 ? "NS" : t < 16 ? "EW" : "NSL", 60);

        Assert.Contains(steps.SelectMany(s => s.Violations), v => v.Rule == ValidatorRule.Clearance);
        var ewGreen = FirstTime(steps, s => s["ew"] == SignalIndication.Green);
        Assert.Equal(15.0 + 10.0, ewGreen, 6);
    }

    [Fact]
    public void The_validator_refuses_an_invalid_model()
    {
        var model = TestModels.TwoPhase() with { Phases = [TestModels.Phase("AB", ["a", "b"], [], 5, 30, 20)] };

        var e = Assert.Throws<ArgumentException>(() => new SignalTimings(model));
        Assert.Contains("conflicting movements 'a' and 'b'", e.Message);
    }
}
