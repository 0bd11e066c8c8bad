using EdgeCity.Domain.Counting;
using EdgeCity.Domain.Tracking;
using EdgeCity.Domain.Zones;

namespace EdgeCity.Domain.Measurements;

/// <summary>What one frame produced: the tracker's update, the vehicles counted in it, and the confirmed vehicles on the road.</summary>
public sealed record FrameAnalysis(
    DateTimeOffset CapturedAt,
    TrackerUpdate Tracks,
    IReadOnlyList<CountEvent> Counts,
    IReadOnlyList<VehicleOnRoad> Vehicles);
