using EdgeCity.Domain.Counting;
using EdgeCity.Domain.Evaluation;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Tests.Evaluation;

public sealed class CountEvaluatorSpec
{
    private static readonly CountLine North = new("n-stop", "north", new Point2(0, 600), new Point2(640, 600));
    private static readonly CountLine NorthTurn = new("n-left", "north", new Point2(0, 300), new Point2(100, 300)) { Flow = false };

    private static TruthFrame Frame(double t, int crossings = 0, double queue = 0, params TruthVehicle[] vehicles) => new()
    {
        Frame = (long)Math.Round(t * 10),
        Time = t,
        Vehicles = vehicles,
        Crossings = Enumerable.Range(0, crossings).Select(i => new TruthCrossing { Line = "n-stop", Vehicle = $"v{t}-{i}" }).ToList(),
        Queues = [new TruthQueue { Approach = "north", Lane = "n0", Meters = queue }],
    };

    [Fact]
    public void A_spurious_count_in_the_other_direction_adds_to_the_approach_error_instead_of_hiding_a_miss()
    {
        var truth = Enumerable.Range(0, 10).Select(i => Frame(i * 0.1, crossings: 1)).ToList();
        var observed = new PipelineObservations(DateTimeOffset.UnixEpoch);
        for (var i = 0; i < 9; i++)
        {
            observed.Add(new ObservedCount(i * 0.1, "n-stop", CrossingDirection.Forward, "car"));
        }

        observed.Add(new ObservedCount(0.5, "n-stop", CrossingDirection.Backward, "car"));

        var north = Assert.Single(CountEvaluator.Evaluate(truth, observed, [North]).Approaches);

        Assert.Equal((10, 10), (north.Counted, north.Truth));
        Assert.Equal(20.0, north.CountErrorPercent!.Value, 9);
    }

    [Fact]
    public void Count_error_is_relative_to_the_truth_per_line_and_per_approach_over_flow_lines()
    {
        var truth = Enumerable.Range(0, 100).Select(i => Frame(i * 0.1, crossings: 1)).ToList();
        var observed = new PipelineObservations(DateTimeOffset.UnixEpoch);
        for (var i = 0; i < 97; i++)
        {
            observed.Add(new ObservedCount(i * 0.1, "n-stop", CrossingDirection.Forward, "car"));
        }

        observed.Add(new ObservedCount(1, "n-left", CrossingDirection.Forward, "car"));

        var report = CountEvaluator.Evaluate(truth, observed, [North, NorthTurn]);

        var stop = Assert.Single(report.Lines, l => l.LineId == "n-stop");
        Assert.Equal((97, 100, 3.0), (stop.Counted, stop.Truth, stop.ErrorPercent!.Value));
        Assert.Null(Assert.Single(report.Lines, l => l.LineId == "n-left").ErrorPercent);
        var north = Assert.Single(report.Approaches);
        Assert.Equal((97, 100), (north.Counted, north.Truth));
        Assert.Equal(3.0, north.CountErrorPercent!.Value, 9);
        Assert.Contains("n-stop", report.ToTable());
        Assert.Contains("\"countErrorPercent\": 3", report.ToJson());
    }

    [Fact]
    public void A_true_queue_longer_than_the_cameras_reach_is_compared_within_the_reach_and_reported_whole_and_as_a_share()
    {
        List<TruthFrame> truth = [Frame(0, queue: 90), Frame(0.1, queue: 30), Frame(0.2, queue: 80)];
        var observed = new PipelineObservations(DateTimeOffset.UnixEpoch);
        observed.Add(new ObservedQueue(0.0, "north", "n0", 57, ReachMeters: 60));  // truth 90 → 60 in reach: error 3 (whole 33)
        observed.Add(new ObservedQueue(0.1, "north", "n0", 28, ReachMeters: 60));  // truth 30 in reach: error 2 (whole 2)
        observed.Add(new ObservedQueue(0.2, "north", "n0", 60));                   // reach unknown: error 20 both ways

        var north = Assert.Single(CountEvaluator.Evaluate(truth, observed, [North]).Approaches);

        Assert.Equal(3, north.QueueSamples);
        Assert.Equal((3.0 + 2.0 + 20.0) / 3, north.QueueMaeMeters!.Value, 9);
        Assert.Equal((33.0 + 2.0 + 20.0) / 3, north.QueueMaeUnclippedMeters!.Value, 9);
        Assert.Equal(1.0 / 3, north.QueueBeyondViewShare!.Value, 9);
    }

    [Fact]
    public void Queue_error_pairs_each_sample_with_the_nearest_truth_frame_and_speed_error_matches_boxes()
    {
        var car = new TruthVehicle { Id = "a", Box = [100, 100, 150, 140], Class = "car", Lane = "n0", Approach = "north", Speed = 10 };
        var slow = new TruthVehicle { Id = "b", Box = [300, 100, 350, 140], Class = "car", Lane = "n0", Approach = "north", Speed = 0.5 };
        List<TruthFrame> truth = [Frame(0, queue: 10, vehicles: [car, slow]), Frame(0.1, queue: 14), Frame(0.2, queue: 20)];
        var observed = new PipelineObservations(DateTimeOffset.UnixEpoch);
        observed.Add(new ObservedQueue(0.01, "north", "n0", 12));    // pairs with 10: error 2
        observed.Add(new ObservedQueue(0.19, "north", "n0", 16));    // pairs with 20: error 4
        observed.Add(new ObservedQueue(5.0, "north", "n0", 99));     // no truth frame near: ignored
        observed.Add(new ObservedSpeed(0, new BoxF(102, 101, 151, 141), 9.2));   // 8 % slow
        observed.Add(new ObservedSpeed(0, new BoxF(300, 100, 350, 140), 3));     // truth 0.5 m/s: left out
        observed.Add(new ObservedSpeed(0, new BoxF(500, 100, 550, 140), 3));     // matches nothing

        var north = Assert.Single(CountEvaluator.Evaluate(truth, observed, [North]).Approaches);

        Assert.Equal((3.0, 2), (north.QueueMaeMeters!.Value, north.QueueSamples));
        Assert.Equal(8.0, north.SpeedErrorPercent!.Value, 9);
        Assert.Equal(1, north.SpeedSamples);
    }
}
