using EdgeCity.Domain.Sites;
using EdgeCity.Node.Hosting.Cameras;
using EdgeCity.Simulation.Control;

namespace EdgeCity.Node.Hosting;

/// <summary>
/// What the demo loop runs: the site and its twin, the clock and command queue shared with the coordinators, the
/// intersections' lanes, and the camera path (null: every approach measured by SUMO's detectors).
/// </summary>
public sealed record DemoLoopPlan(
    SiteDefinition Site,
    string SiteFolder,
    SimulationClock Clock,
    SumoSignalQueue Queue,
    IReadOnlyList<DemoIntersection> Intersections,
    DemoCameraPlan? Cameras,
    int TwinPort);
