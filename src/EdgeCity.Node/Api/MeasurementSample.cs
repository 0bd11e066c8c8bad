namespace EdgeCity.Node.Api;

/// <summary>One approach measurement as the operator sees it: queue (m), smoothed flow (veh/h), queue-discharge delay estimate (s), occupancy (0–1).</summary>
public sealed record MeasurementSample(DateTimeOffset At, double QueueMetres, double? FlowVehiclesPerHour, double? DelaySeconds, double? Occupancy, bool CameraDown);
