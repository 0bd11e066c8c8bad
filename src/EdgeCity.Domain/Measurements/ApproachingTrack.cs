namespace EdgeCity.Domain.Measurements;

/// <summary>
/// A confirmed track moving toward its lane's stop line, as of the camera's newest frame: its distance to the stop line
/// on the road plane (metres), its speed (m/s) and the estimated time until it reaches the line (seconds from that
/// frame). Only what the camera sees: vehicles beyond its view are unknown, not absent.
/// </summary>
public sealed record ApproachingTrack(string Lane, long TrackId, double DistanceMeters, double SpeedMetersPerSecond, double EtaSeconds);
