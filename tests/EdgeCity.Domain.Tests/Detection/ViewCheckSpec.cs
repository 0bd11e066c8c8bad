using EdgeCity.Domain.Detection;

namespace EdgeCity.Domain.Tests.Detection;

public sealed class ViewCheckSpec
{
    [Fact]
    public void A_model_that_sees_mostly_cell_phones_on_a_road_is_told_its_view_needs_another_model_naming_what_it_saw()
    {
        var warning = ViewCheck.NonTrafficWarning("nanodet-m-416", traffic: 40, skipped: 900, [("cell phone", 700L), ("remote", 150L), ("mouse", 50L), ("book", 10L)]);

        Assert.NotNull(warning);
        Assert.Contains("nanodet-m-416 saw mostly things that are not traffic to it (900 candidates against 40", warning, StringComparison.Ordinal);
        Assert.Contains("cell phone 77%, remote 16%, mouse 5%)", warning, StringComparison.Ordinal);
        Assert.Contains("needs a model trained for its view", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(40, 199)] // too few to be a pattern
    [InlineData(500, 999)] // traffic holds its own (under twice)
    public void Clutter_beside_traffic_is_not_a_wrong_view(long traffic, long skipped)
    {
        Assert.False(ViewCheck.Dominated(traffic, skipped));
        Assert.Null(ViewCheck.NonTrafficWarning("m", traffic, skipped, [("bench", skipped)]));
    }
}
