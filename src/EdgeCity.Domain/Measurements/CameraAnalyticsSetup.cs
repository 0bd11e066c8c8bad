using EdgeCity.Domain.Calibration;
using EdgeCity.Domain.Counting;
using EdgeCity.Domain.Tracking;
using EdgeCity.Domain.Zones;

namespace EdgeCity.Domain.Measurements;

/// <summary>
/// Everything one camera's analytics needs: where it is (intersection, the approach it watches), its count lines and
/// lane zones in image pixels, its calibration to the road plane, and the tuning of each stage.
/// </summary>
public sealed record CameraAnalyticsSetup(string IntersectionId, string CameraId, string Approach)
{
    public IReadOnlyList<CountLine> Lines { get; init; } = [];

    public IReadOnlyList<LaneZone> Zones { get; init; } = [];

    /// <summary>
    /// Image → road plane (metres). Null: the camera is not calibrated, so it counts (lines need no metres) but measures
    /// no speeds, and lane zones (queues in metres) are refused.
    /// </summary>
    public Homography? Calibration { get; init; }

    public TrackerOptions Tracker { get; init; } = new();

    public CountingOptions Counting { get; init; } = new();

    public ZoneOptions ZoneOptions { get; init; } = new();

    public MeasurementOptions Measurement { get; init; } = new();

    /// <summary>
    /// The detector classes that are traffic (the model manifest's <c>vehicleClasses</c>): only these are tracked,
    /// counted and queued, so a pedestrian on the crosswalk over a count line is never a vehicle. Null: every class.
    /// </summary>
    public IReadOnlySet<string>? VehicleClasses { get; init; }

    /// <summary>Every approach the camera reports: its own, and those its lines and zones name.</summary>
    public IEnumerable<string> AllApproaches() =>
        new[] { Approach }.Concat(Lines.Select(l => l.Approach)).Concat(Zones.Select(z => z.Approach)).Distinct(StringComparer.Ordinal);
}
