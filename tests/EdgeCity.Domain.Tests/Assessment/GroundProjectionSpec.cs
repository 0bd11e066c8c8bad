using EdgeCity.Domain.Assessment;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Tests.Assessment;

public sealed class GroundProjectionSpec
{
    private static readonly GeoPoint Drone = new(46.0, 7.0);

    [Fact]
    public void A_nadir_camera_at_50_m_with_a_90_degree_view_sees_100_m_across_so_the_right_edge_is_50_m_east()
    {
        var pose = new ImagePose(Drone, null, HeightAboveGroundMeters: 50, HeadingDegrees: 0, PitchDegrees: -90, HorizontalFovDegrees: 90);

        var (edge, source) = GroundProjection.Locate(pose, 1000, 750, new Point2(1000, 375));
        var (centre, _) = GroundProjection.Locate(pose, 1000, 750, new Point2(500, 375));

        Assert.Equal(PositionSource.Projected, source);
        Assert.Equal(50.0, Drone.DistanceMeters(edge!.Value), 2);
        Assert.Equal(Drone.Latitude, edge.Value.Latitude, 9);
        Assert.True(edge.Value.Longitude > Drone.Longitude);
        Assert.Equal(0.0, Drone.DistanceMeters(centre!.Value), 6);
    }

    [Fact]
    public void The_top_of_an_image_taken_heading_east_is_east_of_the_drone()
    {
        var pose = new ImagePose(Drone, null, 50, HeadingDegrees: 90, PitchDegrees: -90, HorizontalFovDegrees: 90);

        var (top, _) = GroundProjection.Locate(pose, 1000, 1000, new Point2(500, 0));

        Assert.Equal(50.0, Drone.DistanceMeters(top!.Value), 2);
        Assert.Equal(Drone.Latitude, top.Value.Latitude, 9);
        Assert.True(top.Value.Longitude > Drone.Longitude);
    }

    [Fact]
    public void An_oblique_or_heightless_photo_gives_the_camera_position_and_says_so()
    {
        var oblique = new ImagePose(Drone, null, 50, 0, PitchDegrees: -45, HorizontalFovDegrees: 80);
        var phone = new ImagePose(Drone, null);

        Assert.Equal((Drone, PositionSource.Camera), GroundProjection.Locate(oblique, 100, 100, new Point2(0, 0)));
        Assert.Equal((Drone, PositionSource.Camera), GroundProjection.Locate(phone, 100, 100, new Point2(0, 0)));
        Assert.Equal(((GeoPoint?)null, PositionSource.None), GroundProjection.Locate(ImagePose.Unknown, 100, 100, new Point2(0, 0)));
    }

    [Fact]
    public void A_24_mm_equivalent_lens_sees_about_74_degrees_across()
    {
        Assert.Equal(73.74, ImagePose.FovFrom35mmFocalLength(24)!.Value, 2);
        Assert.Null(ImagePose.FovFrom35mmFocalLength(null));
    }

    [Fact]
    public void Positions_outside_the_earth_are_refused_by_name()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new GeoPoint(91, 0));
        Assert.Contains("latitude", e.Message, StringComparison.Ordinal);
    }
}
