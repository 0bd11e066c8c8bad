using EdgeCity.Domain.Evaluation;

namespace EdgeCity.Domain.Tests.Evaluation;

public sealed class CrossingMatchSpec
{
    [Fact]
    public void A_missed_vehicle_and_a_vehicle_counted_twice_show_even_when_the_totals_agree()
    {
        // Truth: three vehicles. Counted: the first twice (0.3 s apart), the second not at all, the third once.
        double[] truth = [2.0, 5.0, 9.0];
        double[] counts = [2.1, 2.4, 9.2];

        var (matched, repeated) = CrossingMatch.Pair(truth, counts, toleranceSeconds: 1.0);

        Assert.Equal(2, matched);
        Assert.Equal(1, repeated);
    }

    [Fact]
    public void A_count_far_from_any_true_crossing_is_extra_but_not_a_repeat()
    {
        var (matched, repeated) = CrossingMatch.Pair([2.0], [2.2, 7.0], toleranceSeconds: 1.0);

        Assert.Equal((1, 0), (matched, repeated));
    }

    [Fact]
    public void Two_vehicles_close_together_pair_one_to_one_in_order()
    {
        var (matched, repeated) = CrossingMatch.Pair([11.2, 11.5], [11.4, 11.9], toleranceSeconds: 1.0);

        Assert.Equal((2, 0), (matched, repeated));
    }
}
