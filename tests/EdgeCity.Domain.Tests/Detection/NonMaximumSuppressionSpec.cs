using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Tests.Detection;

public sealed class NonMaximumSuppressionSpec
{
    [Fact]
    public void Overlapping_boxes_of_one_class_keep_only_the_best()
    {
        var list = new List<EdgeCity.Domain.Detection.Detection>
        {
            Car(new BoxF(0, 0, 100, 100), 0.6f),
            Car(new BoxF(5, 5, 105, 105), 0.9f),
            Car(new BoxF(300, 0, 400, 100), 0.5f),
        };

        NonMaximumSuppression.Apply(list, 0.45f, 100);

        Assert.Equal([0.9f, 0.5f], list.Select(d => d.Score));
    }

    [Fact]
    public void A_truck_overlapping_a_car_is_kept_because_suppression_is_per_class()
    {
        var list = new List<EdgeCity.Domain.Detection.Detection>
        {
            Car(new BoxF(0, 0, 100, 100), 0.9f),
            new(new BoxF(2, 2, 102, 102), 1, "truck", 0.8f),
        };

        NonMaximumSuppression.Apply(list, 0.45f, 100);

        Assert.Equal(["car", "truck"], list.Select(d => d.ClassName));
    }

    [Fact]
    public void One_vehicle_boxed_as_two_classes_keeps_only_the_better_box_while_a_partly_hidden_vehicle_stays()
    {
        // A minibus boxed "bus" and "truck" (IoU 0.92), and a car whose box overlaps the bus's by IoU 0.33.
        var list = new List<EdgeCity.Domain.Detection.Detection>
        {
            new(new BoxF(0, 0, 100, 100), 5, "bus", 0.7f),
            new(new BoxF(2, 2, 102, 102), 7, "truck", 0.6f),
            Car(new BoxF(50, 0, 150, 100), 0.5f),
        };

        NonMaximumSuppression.Apply(list, 0.45f, 100, crossClassIouThreshold: 0.8f);

        Assert.Equal(["bus", "car"], list.Select(d => d.ClassName));
    }

    [Fact]
    public void Boxes_overlapping_at_or_below_the_threshold_are_both_kept()
    {
        // IoU of these two is exactly 1/3.
        var list = new List<EdgeCity.Domain.Detection.Detection> { Car(new BoxF(0, 0, 100, 100), 0.9f), Car(new BoxF(50, 0, 150, 100), 0.8f) };

        NonMaximumSuppression.Apply(list, 0.34f, 100);

        Assert.Equal(2, list.Count);
    }

    [Fact]
    public void At_most_max_detections_remain_highest_scores_first()
    {
        var list = Enumerable.Range(0, 10).Select(i => Car(new BoxF(i * 200, 0, (i * 200) + 100, 100), i / 10f)).ToList();

        NonMaximumSuppression.Apply(list, 0.45f, 3);

        Assert.Equal([0.9f, 0.8f, 0.7f], list.Select(d => d.Score));
    }

    private static EdgeCity.Domain.Detection.Detection Car(BoxF box, float score) => new(box, 0, "car", score);
}
