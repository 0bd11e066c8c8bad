using EdgeCity.Domain.Calibration;
using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Sites;

namespace EdgeCity.Domain.Tests.Sites;

public sealed class SiteSchemaSpec
{
    private const string Twin = """
        {
          "name": "corridor",
          "twin": { "net": "demo.net.xml", "routes": ["morning.rou.xml"], "stepLength": 0.1 },
          "intersections": [
            {
              "id": "J1", "sumoTls": "J1", "controller": "fixed",
              "plan": { "cycleSeconds": 90, "offsetSeconds": 10, "phases": [ { "id": "p0", "greenSeconds": 42, "minGreenSeconds": 10, "maxGreenSeconds": 60 }, { "id": "p2", "greenSeconds": 38 } ] },
              "approaches": [ { "id": "W", "lanes": 2, "sumoEdges": ["W_J1"], "sumoLanes": ["W_J1_0", "W_J1_1"] } ]
            }
          ],
          "cameras": [
            {
              "id": "cam-w", "source": "http://127.0.0.1:8090/cam-w.mjpg", "intersection": "J1", "approach": "W",
              "pose": { "x": 246.8, "y": 170.6, "height": 9, "heading": 277, "tilt": 20, "fov": 70, "imageWidth": 640, "imageHeight": 360 },
              "calibration": { "points": [ { "image": [0, 360], "road": [0, 0] }, { "image": [640, 360], "road": [10, 0] }, { "image": [640, 0], "road": [10, 50] }, { "image": [0, 0], "road": [0, 50] } ] },
              "countLines": [ { "id": "W-in", "approach": "W", "from": [400, 150], "to": [300, 155] } ],
              "zones": [ { "id": "W-lane0", "lane": "W_J1_0", "polygon": [[300, 100], [350, 100], [420, 300], [280, 300]] } ]
            }
          ]
        }
        """;

    private static IReadOnlyList<SiteError> ErrorsOf(string json) => SiteFile.Parse(json, "site.json").Errors;

    [Fact]
    public void A_twin_site_with_plans_poses_calibration_count_lines_and_zones_is_valid()
    {
        var result = SiteFile.Parse(Twin, "site.json");

        Assert.True(result.IsValid, result.Describe());
        var camera = result.Site!.Cameras[0];
        Assert.Equal(277, camera.Pose!.Heading);
        Assert.Equal(4, camera.Calibration!.Points!.Count);
        Assert.Equal("W-in", camera.CountLines[0].Id);
        Assert.Equal(5, result.Site.Intersections[0].Plan!.Phases[1].MinGreenSeconds);
    }

    [Theory]
    [InlineData("\"tilt\": 20", "\"tilt\": 120", "$.cameras[0].pose.tilt")]
    [InlineData("\"fov\": 70", "\"fov\": 0", "$.cameras[0].pose.fov")]
    [InlineData("\"imageWidth\": 640", "\"imageWidth\": 2", "$.cameras[0].pose.imageWidth")]
    [InlineData("\"from\": [400, 150]", "\"from\": [400]", "$.cameras[0].countLines[0].from")]
    [InlineData("\"to\": [300, 155]", "\"to\": [900, 155]", "$.cameras[0].countLines[0].to")]
    [InlineData("\"to\": [300, 155]", "\"to\": [400, 151]", "$.cameras[0].countLines[0].to")]
    [InlineData("\"approach\": \"W\", \"from\"", "\"approach\": \"N\", \"from\"", "$.cameras[0].countLines[0].approach")]
    [InlineData("[[300, 100], [350, 100], [420, 300], [280, 300]]", "[[300, 100], [350, 100]]", "$.cameras[0].zones[0].polygon")]
    [InlineData("\"lane\": \"W_J1_0\"", "\"lane\": \"\"", "$.cameras[0].zones[0].lane")]
    [InlineData("\"greenSeconds\": 42", "\"greenSeconds\": 70", "$.intersections[0].plan.phases[0].greenSeconds")]
    [InlineData("\"offsetSeconds\": 10", "\"offsetSeconds\": 90", "$.intersections[0].plan.offsetSeconds")]
    [InlineData("\"cycleSeconds\": 90", "\"cycleSeconds\": 0", "$.intersections[0].plan.cycleSeconds")]
    [InlineData("\"sumoTls\": \"J1\", ", "", "$.intersections[0].sumoTls")]
    [InlineData("\"sumoLanes\": [\"W_J1_0\", \"W_J1_1\"]", "\"sumoLanes\": [\"W_J1_0\"]", "$.intersections[0].approaches[0].sumoLanes")]
    [InlineData("\"net\": \"demo.net.xml\"", "\"net\": \"\"", "$.twin.net")]
    [InlineData("\"stepLength\": 0.1", "\"stepLength\": 2", "$.twin.stepLength")]
    public void Each_bad_field_is_reported_by_its_json_path(string valid, string broken, string path)
    {
        Assert.Contains(valid, Twin);

        var errors = ErrorsOf(Twin.Replace(valid, broken));

        Assert.Contains(errors, e => e.Path == path);
    }

    [Fact]
    public void A_calibration_needs_exactly_one_of_homography_or_points()
    {
        var both = Twin.Replace("\"calibration\": {", "\"calibration\": { \"homography\": [1, 0, 0, 0, 1, 0, 0, 0, 1],");
        var neither = Twin.Replace("\"calibration\": { \"points\"", "\"calibration\": { \"unused\": 1, \"points\"");

        Assert.Contains(ErrorsOf(both), e => e.Path == "$.cameras[0].calibration");
        Assert.Contains(ErrorsOf(neither), e => e.Message.Contains("unused", StringComparison.Ordinal) || e.Path.Contains("unused", StringComparison.Ordinal));
    }

    [Fact]
    public void Singular_or_collinear_calibrations_are_rejected()
    {
        var singular = Twin.Replace(
            "\"points\": [ { \"image\": [0, 360], \"road\": [0, 0] }, { \"image\": [640, 360], \"road\": [10, 0] }, { \"image\": [640, 0], \"road\": [10, 50] }, { \"image\": [0, 0], \"road\": [0, 50] } ]",
            "\"homography\": [1, 2, 3, 2, 4, 6, 0, 0, 1]");
        var collinear = Twin.Replace("\"image\": [640, 0]", "\"image\": [320, 360]").Replace("\"image\": [0, 0]", "\"image\": [100, 360]");

        Assert.Contains(ErrorsOf(singular), e => e.Path == "$.cameras[0].calibration.homography" && e.Message.Contains("singular", StringComparison.Ordinal));
        Assert.Contains(ErrorsOf(collinear), e => e.Path == "$.cameras[0].calibration.points");
    }

    [Fact]
    public void A_homography_solved_from_four_points_maps_them_exactly_and_others_consistently()
    {
        // A perspective view of a 10 m × 50 m road rectangle: the far edge appears narrower.
        Point2[] image = [new(100, 350), new(540, 350), new(380, 50), new(260, 50)];
        Point2[] road = [new(0, 0), new(10, 0), new(10, 50), new(0, 50)];

        var h = Homography.Estimate(image.Zip(road, (i, r) => new PointCorrespondence(i, r)).ToList());

        foreach (var (i, r) in image.Zip(road))
        {
            var mapped = h.Project(i);
            Assert.Equal(r.X, mapped.X, 6);
            Assert.Equal(r.Y, mapped.Y, 6);
        }

        // The middle of the image's bottom edge is the middle of the road's near edge.
        Assert.Equal(5, h.Project(new Point2(320, 350)).X, 6);
        Assert.Equal(0, h.Project(new Point2(320, 350)).Y, 6);
    }
}
