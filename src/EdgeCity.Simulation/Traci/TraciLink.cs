namespace EdgeCity.Simulation.Traci;

/// <summary>One link a traffic light drives: incoming lane, outgoing lane and the internal lane between them.</summary>
public sealed record TraciLink(string FromLane, string ToLane, string ViaLane);
