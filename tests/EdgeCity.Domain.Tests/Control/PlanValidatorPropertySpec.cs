using CsCheck;
using EdgeCity.Domain.Control;

namespace EdgeCity.Domain.Tests.Control;

public sealed class PlanValidatorPropertySpec
{
    private static readonly double[] Ticks = [0.1, 0.25, 0.5, 1.0];

    [Fact]
    public void Random_controllers_on_random_models_never_get_an_unsafe_signal_through()
    {
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[2, 12], Gen.Int[1, 8], Gen.Int[0, 3])
            .Sample((seed, movements, phases, tickIndex) =>
            {
                var rng = new Random(seed);
                var timings = RandomSignalModels.Create(rng, movements, phases);
                var tick = Ticks[tickIndex];
                var validator = new PlanValidator(timings, 0.0);
                var monitor = new SignalRuleMonitor(timings, 0.0, tick);
                monitor.Observe(validator.Current);
                var ids = timings.Model.Phases.Select(p => p.Id).Append("no-such-phase").ToArray();
                var target = ids[0];
                var changes = 0;
                for (var t = tick; t <= 400; t += tick)
                {
                    if (rng.NextDouble() < 0.15)
                    {
                        target = ids[rng.Next(ids.Length)];
                    }

                    var step = validator.Step(t, new SignalDecision(target, "random"));
                    changes += step.Changed ? 1 : 0;
                    monitor.Observe(step.State);
                }

                Assert.True(monitor.Violations.Count == 0, string.Join("\n", monitor.Violations.Take(5).Select(v => $"{v.Rule}: {v.Detail}")));
                Assert.True(timings.Model.Phases.Count == 1 || changes > 0, "the signal never moved");
            }, iter: 300);
    }

    [Fact]
    public void Every_requested_phase_is_eventually_served_on_random_models()
    {
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[2, 10], Gen.Int[2, 8])
            .Sample((seed, movements, phases) =>
            {
                var timings = RandomSignalModels.Create(new Random(seed), movements, phases);
                var validator = new PlanValidator(timings, 0.0);
                foreach (var phase in timings.Model.Phases.Reverse())
                {
                    var t = validator.Current.TimeSeconds;
                    var deadline = t + 200;
                    while (validator.Current.ActivePhaseId != phase.Id || validator.Current.InTransition)
                    {
                        t += 0.1;
                        Assert.True(t < deadline, $"phase {phase.Id} not served within 200 s");
                        validator.Step(t, new SignalDecision(phase.Id, "want"));
                    }

                    Assert.All(phase.Greens, m => Assert.True(validator.Current[m].IsGreen()));
                }
            }, iter: 200);
    }
}
