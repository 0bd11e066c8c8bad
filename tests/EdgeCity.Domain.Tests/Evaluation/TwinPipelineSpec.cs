using EdgeCity.Domain.Calibration;
using EdgeCity.Domain.Counting;
using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Evaluation;
using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Measurements;
using EdgeCity.Domain.Zones;
using Xunit.Abstractions;
using Det = EdgeCity.Domain.Detection.Detection;

namespace EdgeCity.Domain.Tests.Evaluation;

public sealed class TwinPipelineSpec(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Origin = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static readonly CountLine StopLine = new("n-stop", "north", new Point2(200, 600), new Point2(440, 600));

    private static CameraAnalyticsSetup Setup() => new("j1", "cam-n", "north")
    {
        Calibration = Homography.FromMatrix([0.1, 0, 0, 0, 0.1, 0, 0, 0, 1]),
        Lines = [StopLine],
        Zones = [new LaneZone("n0", "north", "n0", [new(250, 160), new(390, 160), new(390, 620), new(250, 620)], new Point2(250, 600), new Point2(390, 600))],
    };

    /// <summary>Runs the real pipeline on detections made from the truth boxes, as the eval verb will on video.</summary>
    private static EvaluationReport Evaluate(List<TruthFrame> truth, Func<TruthVehicle, int, bool> detected)
    {
        var replay = new RecordingReplay(Setup(), Origin);
        foreach (var f in truth)
        {
            var dets = f.Vehicles.Where(v => detected(v, (int)f.Frame)).Select(v => new Det(TruthReader.BoxOf(v), 2, v.Class, 0.9f)).ToList();
            replay.Feed(new FrameDetections("cam-n", f.Frame, Origin.AddSeconds(f.Time), 640, 720, dets));
        }

        Assert.Equal(0, replay.DroppedFrames);
        return replay.Evaluate(truth);
    }

    [Fact]
    public void On_a_synthetic_twin_recording_counts_are_exact_and_queue_and_speed_errors_are_small()
    {
        var truth = SyntheticApproach.Run(seconds: 120, headway: 2.5, redFrom: 20, redUntil: 35, seed: 1);

        var report = Evaluate(truth, (_, _) => true);
        output.WriteLine(report.ToTable());

        var north = Assert.Single(report.Approaches);
        Assert.True(north.Truth >= 40, $"only {north.Truth} true crossings");
        Assert.Equal(north.Truth, north.Counted);
        Assert.Equal(0, north.CountErrorPercent);
        Assert.True(north.QueueSamples >= 100);
        Assert.True(north.QueueMaeMeters <= 1.0, $"queue MAE {north.QueueMaeMeters} m");
        Assert.True(north.SpeedSamples > 1000);
        Assert.True(north.SpeedErrorPercent <= 2.0, $"speed error {north.SpeedErrorPercent} %");
    }

    [Fact]
    public void Missed_detections_near_the_line_still_count_every_vehicle_once()
    {
        var truth = SyntheticApproach.Run(seconds: 60, headway: 2.5, redFrom: 100, redUntil: 100, seed: 2);

        // The detector misses every vehicle in one frame out of four, and all of them for two frames in a row
        // while they are within 2 m of the stop line.
        var report = Evaluate(truth, (v, frame) =>
        {
            var metresBehind = (600 - v.Box[3]) / 10;
            return frame % 4 != 1 && !(Math.Abs(metresBehind) < 2 && frame % 7 < 2);
        });

        var north = Assert.Single(report.Approaches);
        Assert.Equal(north.Truth, north.Counted);
    }

    [Fact]
    public void Double_counting_would_show_as_a_count_error()
    {
        var truth = SyntheticApproach.Run(seconds: 30, headway: 2.5, redFrom: 100, redUntil: 100, seed: 3);
        var observed = new PipelineObservations(Origin);
        foreach (var c in truth.SelectMany(f => f.Crossings.Select(c => f.Time)))
        {
            observed.Add(new ObservedCount(c, "n-stop", CrossingDirection.Forward, "car"));
            observed.Add(new ObservedCount(c, "n-stop", CrossingDirection.Forward, "car"));
        }

        var north = Assert.Single(CountEvaluator.Evaluate(truth, observed, [StopLine]).Approaches);

        Assert.Equal(100, north.CountErrorPercent);
    }
}
