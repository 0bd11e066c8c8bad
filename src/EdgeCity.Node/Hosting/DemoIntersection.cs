using EdgeCity.Simulation.Control;

namespace EdgeCity.Node.Hosting;

/// <summary>One demo intersection: its id, controller name and the SUMO lanes of each movement.</summary>
public sealed record DemoIntersection(string Id, string Controller, IReadOnlyList<MovementLanes> Lanes);
