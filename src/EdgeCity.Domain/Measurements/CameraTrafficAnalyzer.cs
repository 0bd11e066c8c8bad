using EdgeCity.Domain.Counting;
using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Tracking;
using EdgeCity.Domain.Zones;

namespace EdgeCity.Domain.Measurements;

/// <summary>
/// One camera's traffic analytics, frame by frame: tracker → count lines, lane zones and road-plane speeds, and
/// once per interval the <see cref="ApproachMeasurement"/>s. Lines and zones can be replaced while it runs; the
/// tracks (and so the ids) carry on.
/// </summary>
public sealed class CameraTrafficAnalyzer
{
    private readonly ByteTracker _tracker;
    private readonly SpeedEstimator _speeds;
    private readonly SpeedEstimator _measuredSpeeds;
    private readonly ApproachMeasurementAggregator _aggregator;
    private LineCounter _counter;
    private List<LaneZoneMonitor> _zones;
    private Dictionary<string, CountLine> _linesById;
    private DateTimeOffset? _lastCapturedAt;

    public CameraTrafficAnalyzer(CameraAnalyticsSetup setup, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(setup);
        Setup = setup;
        _tracker = new ByteTracker(setup.Tracker);
        // Motion keeps twice its span of history: room for a late frame without losing the span.
        _speeds = new SpeedEstimator(setup.Measurement.MotionSpan * 2, setup.Measurement.MotionSpan);
        _measuredSpeeds = new SpeedEstimator(setup.Measurement.SpeedWindow, setup.Measurement.SpeedMinSpan, setup.Measurement.SpeedMaxStandardError, setup.Measurement.SpeedMaxRelativeError);
        _aggregator = new ApproachMeasurementAggregator(time, setup.IntersectionId, setup.CameraId, setup.AllApproaches(), setup.Measurement);
        (_counter, _zones, _linesById) = Build(setup);
    }

    public CameraAnalyticsSetup Setup { get; private set; }

    public ByteTracker Tracker => _tracker;

    public IReadOnlyList<LaneZoneMonitor> Zones => _zones;

    /// <summary>Replaces lines and zones; throws (and keeps the old ones) when one of them is invalid.</summary>
    public void Reconfigure(IReadOnlyList<CountLine> lines, IReadOnlyList<LaneZone> zones)
    {
        var next = Setup with { Lines = lines, Zones = zones };
        var built = Build(next);
        (_counter, _zones, _linesById) = built;
        Setup = next;
        _aggregator.SetApproaches(next.AllApproaches());
    }

    public void MarkCameraDown(string reason) => _aggregator.MarkCameraDown(reason);

    public void MarkCameraUp() => _aggregator.MarkCameraUp();

    /// <summary>
    /// Runs one frame through the pipeline. Returns null, with the reason, for a frame that cannot be used:
    /// one captured before the previous frame (time must move forward for speeds to mean anything).
    /// </summary>
    public FrameAnalysis? Process(FrameDetections frame, out string? dropReason)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_lastCapturedAt is { } last && frame.CapturedAt <= last)
        {
            dropReason = "out_of_order";
            return null;
        }

        dropReason = null;
        _lastCapturedAt = frame.CapturedAt;
        _aggregator.FrameSeen(frame.CapturedAt);

        var detections = Setup.VehicleClasses is { } traffic ? frame.Detections.Where(d => traffic.Contains(d.ClassName)).ToList() : frame.Detections;
        var update = _tracker.Update(detections, frame.CapturedAt);
        var counts = _counter.Process(update, frame.FrameWidth > 0 && frame.FrameHeight > 0 ? new FrameSize(frame.FrameWidth, frame.FrameHeight) : null);
        foreach (var c in counts)
        {
            _aggregator.Add(c, _linesById.TryGetValue(c.LineId, out var line) && line.Flow);
        }

        var vehicles = new List<VehicleOnRoad>(update.Matched.Count);
        foreach (var t in update.Matched)
        {
            var anchor = t.DetectionBox.BottomCenter;
            if (Setup.Calibration is not { } calibration)
            {
                // Uncalibrated: no metres, so no speeds; the vehicle is still seen (counts need only the image).
                if (t.IsConfirmed)
                {
                    vehicles.Add(new VehicleOnRoad(t.Id, t.ClassName, t.DetectionBox, anchor, anchor, null));
                }

                continue;
            }

            var road = calibration.Project(anchor);
            var speed = _speeds.Observe(t.Id, frame.CapturedAt, road);
            var measured = AnchorInView.Holds(t.DetectionBox, frame)
                ? _measuredSpeeds.Observe(t.Id, frame.CapturedAt, road)
                : null;
            if (t.IsConfirmed)
            {
                vehicles.Add(new VehicleOnRoad(t.Id, t.ClassName, t.DetectionBox, anchor, road, speed) { MeasuredSpeedMetersPerSecond = measured });
            }
        }

        foreach (var z in _zones)
        {
            z.Observe(frame.CapturedAt, vehicles);
        }

        foreach (var id in update.Removed)
        {
            _speeds.Forget(id);
            _measuredSpeeds.Forget(id);
            foreach (var z in _zones)
            {
                z.Forget(id);
            }
        }

        AddSpeeds(vehicles);
        return new FrameAnalysis(frame.CapturedAt, update, counts, vehicles);
    }

    /// <summary>Closes the reporting interval: one measurement per approach.</summary>
    public IReadOnlyList<ApproachMeasurement> Measure()
    {
        var measurements = _aggregator.Emit(_zones.Select(z => z.TakeInterval()).ToList());
        return measurements.Select(m => m.CameraDown ? m : m with { Approaching = Approaching(m.Approach) }).ToList();
    }

    // Arrivals as of the newest frame (the measurement is stamped with it): what the zones of the approach hold now.
    private List<ApproachingTrack> Approaching(string approach)
    {
        var seen = new HashSet<(string, long)>();
        return _zones
            .Where(z => z.Zone.Approach == approach)
            .SelectMany(z => ArrivalEstimator.Of(z, Setup.ZoneOptions.StoppedSpeedMetersPerSecond, Setup.Measurement.ArrivalFloorMetersPerSecond))
            .Where(t => seen.Add((t.Lane, t.TrackId)))
            .OrderBy(t => t.EtaSeconds)
            .ToList();
    }

    private static (LineCounter, List<LaneZoneMonitor>, Dictionary<string, CountLine>) Build(CameraAnalyticsSetup setup)
    {
        var counter = new LineCounter(setup.Lines, setup.Counting);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var z in setup.Zones)
        {
            if (!ids.Add(z.Id))
            {
                throw new ArgumentException($"Lane zone id '{z.Id}' is used twice.");
            }
        }

        if (setup.Calibration is null && setup.Zones.Count > 0)
        {
            throw new ArgumentException($"camera '{setup.CameraId}': lane zones measure queues in metres and need a calibration (a homography or 4+ points); without one the camera can only count");
        }

        var zones = setup.Zones.Select(z => new LaneZoneMonitor(z, setup.Calibration!, setup.ZoneOptions)).ToList();
        return (counter, zones, setup.Lines.ToDictionary(l => l.Id, StringComparer.Ordinal));
    }

    private void AddSpeeds(List<VehicleOnRoad> vehicles)
    {
        // A vehicle's speed belongs to the approach of the zone it stands in; an approach without zones takes every
        // vehicle the camera sees (the camera's own approach).
        var zoned = _zones.Select(z => z.Zone.Approach).ToHashSet(StringComparer.Ordinal);
        foreach (var v in vehicles.Where(v => v.MeasuredSpeedMetersPerSecond is not null))
        {
            var zone = _zones.FirstOrDefault(z => z.Zone.Contains(v.ImageAnchor));
            if (zone is not null)
            {
                _aggregator.AddSpeed(zone.Zone.Approach, v.TrackId, v.MeasuredSpeedMetersPerSecond!.Value);
            }
            else if (!zoned.Contains(Setup.Approach))
            {
                _aggregator.AddSpeed(Setup.Approach, v.TrackId, v.MeasuredSpeedMetersPerSecond!.Value);
            }
        }
    }
}
