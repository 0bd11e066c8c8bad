using EdgeCity.Domain.Counting;
using EdgeCity.Domain.Evaluation;
using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Sites;

namespace EdgeCity.Domain.Tests.Evaluation;

public sealed class SiteCameraSetupSpec
{
    private static SiteDefinition Site() => SiteFile.Load(Path.Combine(RepositoryRoot(), "deploy", "sites", "demo", "site.json")).Site!;

    private static string RepositoryRoot() => EdgeCity.Testing.RepositoryRoot.FullName;

    [Fact]
    public void A_site_lines_in_is_the_analytics_forward()
    {
        // Drawn left to right, "in" is from the right-hand side (below, image y down) to the left-hand side (above).
        var line = SiteCameraSetup.LineOf(new CountLineDefinition { Id = "l", Approach = "a", From = [100, 200], To = [300, 200] });

        Assert.True(line.SignedDistance(new Point2(200, 190)) > 0, "the side an in-crossing ends on is the forward side");
        Assert.True(line.SignedDistance(new Point2(200, 210)) < 0);
    }

    [Fact]
    public void A_demo_camera_becomes_its_lines_zones_and_calibration()
    {
        var setup = SiteCameraSetup.For(Site(), "J1-W_J1");

        Assert.Equal(("J1", "J1-W_J1", "W_J1"), (setup.IntersectionId, setup.CameraId, setup.Approach));
        Assert.Equal("W_J1-in", Assert.Single(setup.Lines).Id);
        Assert.Equal(["W_J1_0", "W_J1_1"], setup.Zones.Select(z => z.Lane).Order());
        Assert.All(setup.Zones, z => Assert.Equal("W_J1", z.Approach));
        // The calibration maps the image onto metres: the count line across two 3.2 m lanes is about 6.4 m long.
        var l = setup.Lines[0];
        var calibration = Assert.IsType<EdgeCity.Domain.Calibration.Homography>(setup.Calibration);
        var across = calibration.Project(l.Start).DistanceTo(calibration.Project(l.End));
        Assert.InRange(across, 5.5, 7.0);
    }

    [Fact]
    public void A_camera_without_calibration_counts_on_its_lines_but_measures_no_metres()
    {
        var camera = Site().Cameras.Single(c => c.Id == "J1-W_J1") with { Calibration = null, Zones = [] };
        var site = Site() with { Cameras = [camera] };

        var setup = SiteCameraSetup.For(site, "J1-W_J1");

        Assert.Null(setup.Calibration);
        Assert.Equal("W_J1-in", Assert.Single(setup.Lines).Id);
    }

    [Fact]
    public void Zones_without_calibration_are_refused_naming_the_camera_and_why()
    {
        var camera = Site().Cameras.Single(c => c.Id == "J1-W_J1") with { Calibration = null };
        var site = Site() with { Cameras = [camera] };

        var e = Assert.Throws<ArgumentException>(() => SiteCameraSetup.For(site, "J1-W_J1"));

        Assert.Contains("camera 'J1-W_J1'", e.Message);
        Assert.Contains("need a calibration", e.Message);
    }

    [Fact]
    public void An_unknown_camera_is_an_error_naming_it_and_the_cameras_there_are()
    {
        var e = Assert.Throws<ArgumentException>(() => SiteCameraSetup.For(Site(), "nope"));

        Assert.Contains("no camera 'nope'", e.Message);
        Assert.Contains("J1-W_J1", e.Message);
    }
}
