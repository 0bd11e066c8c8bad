using EdgeCity.Simulation.Control;

namespace EdgeCity.Node.Hosting;

/// <summary>One demo intersection: its id, controller name, the SUMO lanes of each movement and each movement's approach (the SUMO edge it comes from).</summary>
public sealed record DemoIntersection(string Id, string Controller, IReadOnlyList<MovementLanes> Lanes, IReadOnlyDictionary<string, string> ApproachOf);
