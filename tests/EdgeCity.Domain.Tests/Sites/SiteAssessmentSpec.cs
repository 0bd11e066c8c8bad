using EdgeCity.Domain.Sites;

namespace EdgeCity.Domain.Tests.Sites;

public sealed class SiteAssessmentSpec
{
    [Fact]
    public void A_disaster_site_needs_no_intersection_or_camera_and_reads_its_peers_and_command_post()
    {
        var r = SiteFile.Parse("""
            { "name": "quake", "assessment": { "area": { "south": 46.9, "west": 7.4, "north": 47.0, "east": 7.5 },
              "peers": [ { "name": "box-b", "url": "http://10.0.0.2:5080" } ], "commandPost": { "url": "https://post.local:5443", "forwardedBy": "box-a" } } }
            """, "site.json");

        Assert.True(r.IsValid, r.Describe());
        Assert.Equal("box-b", r.Site!.Assessment!.Peers[0].Name);
        Assert.Equal("box-a", r.Site.Assessment.CommandPost!.ForwardedBy);
        Assert.Equal("inbox", r.Site.Assessment.Inbox);
    }

    [Fact]
    public void Bad_assessment_fields_are_named()
    {
        var r = SiteFile.Parse("""
            { "name": "quake", "assessment": { "area": { "south": 47.0, "west": 7.4, "north": 46.9, "east": 7.5 }, "everySeconds": 0,
              "peers": [ { "name": "b", "url": "10.0.0.2:5080" }, { "name": "b", "url": "http://x" } ], "commandPost": { "url": "ftp://post" } } }
            """, "site.json");

        Assert.False(r.IsValid);
        var fields = r.Errors.Select(e => e.Path).ToList();
        Assert.Equal(["$.assessment.area", "$.assessment.everySeconds", "$.assessment.peers[0].url", "$.assessment.peers[1].name", "$.assessment.commandPost.url"], fields);
    }

    [Fact]
    public void A_camera_of_a_disaster_site_needs_an_id_a_source_and_a_position()
    {
        var r = SiteFile.Parse("""
            { "name": "quake", "assessment": { "cameras": [ { "id": "mast-1", "source": "rtsp://10.0.0.5/live", "latitude": 46.9, "longitude": 7.4 },
              { "id": "mast-1", "source": "", "fovDegrees": 200 } ] } }
            """, "site.json");

        Assert.Equal(["$.assessment.cameras[1].id", "$.assessment.cameras[1].source", "$.assessment.cameras[1].latitude", "$.assessment.cameras[1].fovDegrees"], r.Errors.Select(e => e.Path));
    }
}
