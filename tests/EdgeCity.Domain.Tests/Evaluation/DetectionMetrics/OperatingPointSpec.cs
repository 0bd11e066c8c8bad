using EdgeCity.Domain.Evaluation.DetectionMetrics;

namespace EdgeCity.Domain.Tests.Evaluation.DetectionMetrics;

public sealed class OperatingPointSpec
{
    private static readonly string[] Vehicles = ["car", "truck"];

    // truth 10 cars and 2 trucks; at each threshold: boxes kept and boxes that hit.
    private static DetectionEvaluation At(float threshold, int carBoxes, int carHits, int truckBoxes, int truckHits, int personBoxes = 0) =>
        new(4, 0.5f, threshold,
        [
            new ClassMetrics("car", 10, carBoxes, carHits, null, null, null, 0, null),
            new ClassMetrics("truck", 2, truckBoxes, truckHits, null, null, null, 0, null),
            new ClassMetrics("person", 3, personBoxes, 0, null, null, null, 0, null),
        ]);

    [Fact]
    public void The_vehicle_classes_are_pooled_and_people_do_not_count()
    {
        // 9 + 2 found of 12; 20 + 2 boxes: F1 = 2 * 11 / (12 + 22).
        Assert.Equal(22.0 / 34.0, OperatingPoint.F1(At(0.25f, 20, 9, 2, 2, personBoxes: 50), Vehicles)!.Value, 6);
    }

    [Fact]
    public void The_threshold_with_the_best_F1_is_chosen_and_a_tie_goes_to_the_higher_one()
    {
        var chosen = OperatingPoint.Choose(
            [At(0.25f, 30, 9, 4, 2), At(0.5f, 13, 9, 2, 2), At(0.6f, 9, 9, 2, 1), At(0.55f, 12, 9, 1, 1)], Vehicles);

        // 0.5: 2*11/(12+15) = 0.815; 0.55: 2*10/(12+13) = 0.8; 0.6: 2*10/(12+11) = 0.870.
        Assert.Equal(0.6f, chosen!.Value.Threshold);
        Assert.Equal(0.45f, OperatingPoint.Choose([At(0.4f, 10, 9, 2, 2), At(0.45f, 10, 9, 2, 2)], Vehicles)!.Value.Threshold, 3);
    }

    [Fact]
    public void Without_vehicle_truth_nothing_is_chosen()
    {
        Assert.Null(OperatingPoint.Choose([new DetectionEvaluation(1, 0.5f, 0.3f, [new ClassMetrics("car", 0, 3, 0, null, null, null, 0, null)])], Vehicles));
    }
}
