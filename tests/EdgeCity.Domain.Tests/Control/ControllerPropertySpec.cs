using CsCheck;
using EdgeCity.Domain.Control.Controllers;

namespace EdgeCity.Domain.Tests.Control;

public sealed class ControllerPropertySpec
{
    [Fact]
    public void Every_controller_on_random_many_phase_models_keeps_the_rules_and_serves_every_movement_with_demand()
    {
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[2, 10], Gen.Int[2, 8], Gen.Int[0, SignalControllers.Names.Count - 1])
            .Sample((seed, movements, phases, controllerIndex) =>
            {
                var rng = new Random(seed);
                var timings = RandomSignalModels.Create(rng, movements, phases, usableGreens: true);
                var served = timings.Model.Movements.Select(m => m.Id).Where(m => timings.Model.Phases.Any(p => p.IsGreen(m))).ToList();
                var demand = served.ToDictionary(m => m, _ => 50 + (rng.NextDouble() * 250));
                var junction = new QueueJunction(timings, QueueJunction.Poisson(rng, demand, 900));
                var name = SignalControllers.Names[controllerIndex];

                var result = junction.Run(SignalControllers.Create(name, timings), 900);

                Assert.True(result.RuleBreaks.Count == 0, $"{name}: {string.Join("; ", result.RuleBreaks.Take(3).Select(v => v.Detail))}");
                foreach (var m in served)
                {
                    Assert.True(result.Departures[m].Count > 0, $"{name} never served {m}");
                }
            }, iter: 60);
    }
}
