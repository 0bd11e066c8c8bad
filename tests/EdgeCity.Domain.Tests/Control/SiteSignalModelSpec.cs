using EdgeCity.Domain.Control;
using EdgeCity.Domain.Sites;

namespace EdgeCity.Domain.Tests.Control;

public sealed class SiteSignalModelSpec
{
    [Fact]
    public void Each_approach_gets_its_own_phase_and_every_pair_of_approaches_conflicts()
    {
        var intersection = new IntersectionDefinition
        {
            Id = "J1",
            Approaches = [new ApproachDefinition { Id = "N" }, new ApproachDefinition { Id = "S" }, new ApproachDefinition { Id = "E" }],
            Plan = new PlanDefinition { Phases = [new PlanPhaseDefinition { Id = "north", GreenSeconds = 20, MinGreenSeconds = 8, MaxGreenSeconds = 40 }] },
        };

        var model = SiteSignalModel.FromApproaches(intersection);

        Assert.Empty(model.Check());
        Assert.Equal(["N", "S", "E"], model.Movements.Select(m => m.Id));
        Assert.True(model.Conflicts.AreFoes("N", "S") && model.Conflicts.AreFoes("S", "E") && model.Conflicts.AreFoes("N", "E"));
        Assert.Equal(["north", "p1", "p2"], model.Phases.Select(p => p.Id));
        Assert.Equal((8, 40, 20), (model.Phases[0].MinGreenSeconds, model.Phases[0].MaxGreenSeconds, model.Phases[0].DefaultGreenSeconds));
        Assert.Equal((5, 60, 30), (model.Phases[1].MinGreenSeconds, model.Phases[1].MaxGreenSeconds, model.Phases[1].DefaultGreenSeconds));
    }

    [Fact]
    public void Generated_phase_ids_never_collide_with_a_sumo_plans_phase_ids()
    {
        // The demo site's plans name SUMO's green phases p0 and p2 while the intersection has four approaches.
        var intersection = new IntersectionDefinition
        {
            Id = "J1",
            Approaches = [new ApproachDefinition { Id = "W" }, new ApproachDefinition { Id = "N" }, new ApproachDefinition { Id = "E" }, new ApproachDefinition { Id = "S" }],
            Plan = new PlanDefinition { Phases = [new PlanPhaseDefinition { Id = "p0", GreenSeconds = 30 }, new PlanPhaseDefinition { Id = "p2", GreenSeconds = 25 }] },
        };

        var model = SiteSignalModel.FromApproaches(intersection);

        Assert.Empty(model.Check());
        Assert.Equal(["p0", "p2", "approach-E", "p3"], model.Phases.Select(p => p.Id));
    }
}
