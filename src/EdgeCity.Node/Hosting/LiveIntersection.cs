namespace EdgeCity.Node.Hosting;

/// <summary>One intersection on the start page: its controller, the phase shown, and vehicles queued and counted on its approaches.</summary>
public sealed record LiveIntersection(string Id, string Controller, string Phase, bool InTransition, double QueueVehicles, long VehiclesCounted);
