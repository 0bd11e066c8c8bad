using EdgeCity.Domain.Evaluation.DetectionMetrics;
using EdgeCity.Domain.Geometry;
using Xunit;
using DetectedBox = EdgeCity.Domain.Detection.Detection;

namespace EdgeCity.Domain.Tests.Evaluation.DetectionMetrics;

public sealed class DetectionEvaluatorSpec
{
    private static readonly string[] Classes = ["car", "bus"];

    private static DetectedBox Car(float l, float t, float r, float b, float score) => new(new BoxF(l, t, r, b), 0, "car", score);

    [Fact]
    public void Perfect_detections_give_precision_recall_and_ap_of_one()
    {
        var eval = new DetectionEvaluator(Classes);
        eval.Add([new GroundTruthBox(0, new BoxF(0, 0, 10, 10)), new GroundTruthBox(0, new BoxF(20, 20, 40, 40))],
                 [Car(0, 0, 10, 10, 0.9f), Car(20, 20, 40, 40, 0.8f)]);

        var car = eval.Result(0.25f).Classes[0];

        Assert.Equal((2, 2, 2), (car.GroundTruth, car.Detections, car.TruePositives));
        Assert.Equal(1.0, car.Precision);
        Assert.Equal(1.0, car.Recall);
        Assert.Equal(1.0, car.Ap50!.Value, 9);
    }

    [Fact]
    public void A_false_positive_ranked_first_halves_precision_at_the_first_hit()
    {
        // Ranked: miss (0.9), hit (0.8) of 1 ground truth -> precision 0.5 at recall 1 -> AP 0.5.
        var eval = new DetectionEvaluator(Classes);
        eval.Add([new GroundTruthBox(0, new BoxF(0, 0, 10, 10))], [Car(50, 50, 60, 60, 0.9f), Car(1, 0, 11, 10, 0.8f)]);

        var car = eval.Result(0.25f).Classes[0];

        Assert.Equal(0.5, car.Ap50!.Value, 9);
        Assert.Equal(0.5, car.Precision);
        Assert.Equal(1.0, car.Recall);
    }

    [Fact]
    public void Ap_follows_the_voc_all_point_envelope_over_several_frames()
    {
        // 3 ground-truth cars in 2 frames; ranked hits: T(0.9) F(0.8) T(0.7), one car never found.
        // Recall steps 1/3 at precision 1, 2/3 at precision 2/3 -> AP = 1/3 * 1 + 1/3 * 2/3 = 5/9.
        var eval = new DetectionEvaluator(Classes);
        eval.Add([new GroundTruthBox(0, new BoxF(0, 0, 10, 10)), new GroundTruthBox(0, new BoxF(100, 0, 110, 10))],
                 [Car(0, 0, 10, 10, 0.9f), Car(200, 0, 210, 10, 0.8f)]);
        eval.Add([new GroundTruthBox(0, new BoxF(0, 0, 20, 20))], [Car(0, 0, 20, 19, 0.7f)]);

        var result = eval.Result(0.75f);
        var car = result.Classes[0];

        Assert.Equal(5.0 / 9.0, car.Ap50!.Value, 9);
        Assert.Equal(2, result.Frames);
        Assert.Equal((2, 1), (car.Detections, car.TruePositives)); // at score >= 0.75: T(0.9), F(0.8)
        Assert.Equal(1.0 / 3.0, car.Recall!.Value, 9);
    }

    [Fact]
    public void A_box_below_iou_half_or_of_another_class_is_a_miss_and_a_ground_truth_box_matches_once()
    {
        var eval = new DetectionEvaluator(Classes);
        eval.Add([new GroundTruthBox(0, new BoxF(0, 0, 10, 10)), new GroundTruthBox(1, new BoxF(50, 50, 90, 90))],
                 [Car(0, 0, 10, 10, 0.9f), Car(0, 0, 10, 10, 0.85f), Car(5, 0, 15, 10, 0.6f), Car(50, 50, 90, 90, 0.5f)]);

        var result = eval.Result(0.25f);

        Assert.Equal((4, 1), (result.Classes[0].Detections, result.Classes[0].TruePositives)); // duplicate, IoU 1/3, wrong class
        Assert.Equal(0.0, result.Classes[1].Recall);
        Assert.Equal(0.0, result.Classes[1].Ap50);
        Assert.Equal(0.0, result.MeanAp50!.Value - ((1.0 + 0.0) / 2), 9);
    }

    [Fact]
    public void Classes_without_ground_truth_have_no_ap_and_stop_line_recall_counts_only_stop_line_boxes()
    {
        var eval = new DetectionEvaluator(Classes);
        eval.Add([new GroundTruthBox(0, new BoxF(0, 0, 40, 30), AtStopLine: true), new GroundTruthBox(0, new BoxF(100, 0, 140, 30), AtStopLine: true),
                  new GroundTruthBox(0, new BoxF(200, 0, 204, 3))],
                 [Car(0, 0, 40, 30, 0.9f), Car(100, 0, 140, 30, 0.1f), Car(200, 0, 204, 3, 0.95f)]);

        var result = eval.Result(0.25f);

        Assert.Null(result.Classes[1].Ap50);
        Assert.Null(result.Classes[1].Recall);
        Assert.Equal(2, result.Classes[0].StopLineGroundTruth);
        Assert.Equal(0.5, result.Classes[0].StopLineRecall); // the 0.1 hit is below the threshold
        Assert.Equal(1.0, result.MeanAp50);
    }

    [Fact]
    public void Visible_stop_line_recall_leaves_out_stop_line_boxes_more_than_half_hidden()
    {
        var eval = new DetectionEvaluator(Classes);
        eval.Add([new GroundTruthBox(0, new BoxF(0, 0, 40, 30), AtStopLine: true, Visible: 1f),
                  new GroundTruthBox(0, new BoxF(100, 0, 140, 30), AtStopLine: true, Visible: 0.5f),
                  new GroundTruthBox(0, new BoxF(200, 0, 240, 30), AtStopLine: true, Visible: 0.2f)],
                 [Car(0, 0, 40, 30, 0.9f)]);

        var car = eval.Result(0.25f).Classes[0];

        Assert.Equal((3, 1.0 / 3), (car.StopLineGroundTruth, car.StopLineRecall!.Value));
        Assert.Equal((2, 0.5), (car.StopLineVisibleGroundTruth, car.StopLineVisibleRecall!.Value));
    }

    [Fact]
    public void No_ground_truth_gives_null_ap_and_no_detections_gives_zero()
    {
        Assert.Null(AveragePrecision.AllPoint([(0.9f, false)], 0));
        Assert.Equal(0.0, AveragePrecision.AllPoint([], 3));
    }
}
