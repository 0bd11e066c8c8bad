using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Tests.Geometry;

public sealed class BoxFSpec
{
    [Fact]
    public void IoU_of_half_overlapping_boxes_is_one_third()
    {
        var a = new BoxF(0, 0, 10, 10);
        var b = new BoxF(5, 0, 15, 10);

        Assert.Equal(50f / 150f, a.IoU(b), 5);
    }

    [Fact]
    public void IoU_of_disjoint_or_touching_boxes_is_zero()
    {
        Assert.Equal(0f, new BoxF(0, 0, 10, 10).IoU(new BoxF(10, 0, 20, 10)));
        Assert.Equal(0f, new BoxF(0, 0, 10, 10).IoU(new BoxF(30, 30, 40, 40)));
    }

    [Fact]
    public void Bottom_centre_is_where_the_vehicle_meets_the_road()
    {
        var box = BoxF.FromCenter(100, 50, 40, 20);

        Assert.Equal(new Point2(100, 60), box.BottomCenter);
        Assert.Equal(800f, box.Area);
    }
}
