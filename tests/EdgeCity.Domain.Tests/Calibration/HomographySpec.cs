using EdgeCity.Domain.Calibration;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Tests.Calibration;

public sealed class HomographySpec
{
    // A camera 1280×720 looking down an approach: strong perspective, road metres up to ~80 m.
    private static readonly double[] Known = [0.021, -0.0065, -12.4, 0.0012, -0.049, 36.2, 0.00002, -0.0011, 1];

    [Fact]
    public void Recovers_a_known_matrix_from_four_points_and_projects_within_a_micrometre()
    {
        var truth = Homography.FromMatrix(Known);
        Point2[] image = [new(210, 700), new(1100, 690), new(760, 260), new(520, 255)];
        var pairs = image.Select(p => new PointCorrespondence(p, truth.Project(p))).ToList();

        var estimated = Homography.Estimate(pairs);

        for (var i = 0; i < 9; i++)
        {
            Assert.Equal(truth.Matrix[i], estimated.Matrix[i], 1e-9);
        }

        var rng = new Random(7);
        for (var k = 0; k < 1000; k++)
        {
            var p = new Point2(rng.NextDouble() * 1280, 250 + (rng.NextDouble() * 470));
            var expected = truth.Project(p);
            var actual = estimated.Project(p);
            Assert.True(expected.DistanceTo(actual) < 1e-6, $"{p}: {expected} vs {actual}");
        }
    }

    [Fact]
    public void Least_squares_over_many_exact_points_gives_the_same_map()
    {
        var truth = Homography.FromMatrix(Known);
        var pairs = Enumerable.Range(0, 20)
            .Select(i => new Point2(100 + (57 * i % 1100), 260 + (31 * i % 450)))
            .Select(p => new PointCorrespondence(p, truth.Project(p)))
            .ToList();

        var estimated = Homography.Estimate(pairs);

        Assert.True(truth.Project(new Point2(640, 500)).DistanceTo(estimated.Project(new Point2(640, 500))) < 1e-6);
    }

    [Fact]
    public void The_inverse_maps_road_points_back_to_pixels()
    {
        var h = Homography.FromMatrix(Known);
        var p = new Point2(333, 444);

        var back = h.Inverse().Project(h.Project(p));

        Assert.Equal(p.X, back.X, 1e-6);
        Assert.Equal(p.Y, back.Y, 1e-6);
    }

    [Fact]
    public void Refuses_fewer_than_four_pairs_a_singular_matrix_and_collinear_points()
    {
        var three = new[] { new PointCorrespondence(new(0, 0), new(0, 0)), new(new(1, 0), new(1, 0)), new(new(0, 1), new(0, 1)) };

        Assert.Contains("4 point pairs", Assert.Throws<ArgumentException>(() => Homography.Estimate(three)).Message);
        Assert.Contains("singular", Assert.Throws<ArgumentException>(() => Homography.FromMatrix([1, 2, 3, 2, 4, 6, 0, 0, 1])).Message);
        Assert.Throws<ArgumentException>(() => Homography.FromMatrix([1, 0, 0, 0, 1]));
    }
}
