using EdgeCity.Domain.Assessment;
using Det = EdgeCity.Domain.Detection.Detection;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Tests.Assessment;

public sealed class ImageTilingSpec
{
    [Fact]
    public void A_4000_by_3000_still_in_640_tiles_is_covered_edge_to_edge_with_overlap()
    {
        var tiles = ImageTiling.Tiles(4000, 3000, 640, 64);

        Assert.Equal(7 * 6, tiles.Count);
        Assert.All(tiles, t => Assert.True(t.Width == 640 && t.Height == 640));
        Assert.Equal(4000, tiles.Max(t => t.X + t.Width));
        Assert.Equal(3000, tiles.Max(t => t.Y + t.Height));
        var xs = tiles.Select(t => t.X).Distinct().Order().ToList();
        Assert.All(xs.Zip(xs.Skip(1)), p => Assert.True(640 - (p.Second - p.First) >= 64));
    }

    [Fact]
    public void An_image_no_larger_than_a_tile_is_one_tile()
    {
        Assert.Equal([(0, 0, 320, 240)], ImageTiling.Tiles(320, 240, 640, 64));
    }

    [Fact]
    public void A_cut_off_half_inside_a_whole_box_of_the_same_kind_merges_but_a_person_beside_a_car_stays()
    {
        var whole = new Det(new BoxF(100, 100, 300, 200), 2, "car", 0.9f);
        var half = new Det(new BoxF(100, 100, 190, 200), 7, "truck", 0.6f);
        var person = new Det(new BoxF(150, 120, 170, 180), 0, "person", 0.5f);

        var merged = ImageTiling.Merge([half, person, whole]);

        Assert.Equal([whole, person], merged);
    }
}
