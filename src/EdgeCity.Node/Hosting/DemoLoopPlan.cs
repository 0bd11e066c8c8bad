using EdgeCity.Domain.Sites;
using EdgeCity.Simulation.Control;

namespace EdgeCity.Node.Hosting;

/// <summary>What the demo loop runs: the site and its twin, the clock and command queue shared with the coordinators, the intersections' lanes.</summary>
public sealed record DemoLoopPlan(
    SiteDefinition Site,
    string SiteFolder,
    SimulationClock Clock,
    SumoSignalQueue Queue,
    IReadOnlyList<DemoIntersection> Intersections,
    bool Cameras,
    int TwinPort);
