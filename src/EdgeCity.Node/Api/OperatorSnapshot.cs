namespace EdgeCity.Node.Api;

/// <summary>One Server-Sent Event for the dashboard: everything live, without the sample history (the page fetches that once).</summary>
public sealed record OperatorSnapshot(DateTimeOffset At, long Version, IReadOnlyList<IntersectionSnapshot> Intersections, IReadOnlyList<CameraSnapshot> Cameras, ClusterSnapshot Cluster, SimulationSnapshot? Simulation, IReadOnlyList<Alarm> Alarms);
