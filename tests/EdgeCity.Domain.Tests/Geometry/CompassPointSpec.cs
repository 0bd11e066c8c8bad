using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Tests.Geometry;

public sealed class CompassPointSpec
{
    [Theory]
    [InlineData(0, -1, "N")] // travelling south: arrives from the north
    [InlineData(-1, 0, "E")]
    [InlineData(0, 1, "S")]
    [InlineData(1, 0, "W")]
    [InlineData(-1, -1, "NE")]
    [InlineData(1, 1, "SW")]
    [InlineData(0.2, -1, "N")] // 11 degrees off north still reads north
    public void Traffic_arrives_from_the_point_opposite_its_travel(double dx, double dy, string from)
    {
        Assert.Equal(from, CompassPoint.ArrivingFrom(dx, dy));
    }

    [Fact]
    public void A_direction_without_length_has_no_point()
    {
        Assert.Null(CompassPoint.ArrivingFrom(0, 0));
    }
}
