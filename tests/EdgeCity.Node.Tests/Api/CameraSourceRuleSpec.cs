using EdgeCity.Node.Api;
using Microsoft.Extensions.Configuration;

namespace EdgeCity.Node.Tests.Api;

public sealed class CameraSourceRuleSpec
{
    private static CameraSourcePolicy Policy(params (string Key, string Value)[] settings) =>
        CameraSourcePolicy.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Theory]
    [InlineData("rtsp://10.20.3.4/stream", null)]
    [InlineData("rtsp://cam7.cameras.city.example/live", null)]
    [InlineData("rtsp://192.168.1.5/stream", "host '192.168.1.5' is not one this site allows")]
    [InlineData("http://evil.example.org/x.mjpg", "host 'evil.example.org' is not one this site allows")]
    [InlineData("/dev/video0", "this site allows no video devices")]
    [InlineData("/srv/clips/a.mp4", "this site allows no video files, only streams")]
    [InlineData("file:///etc/passwd", "this site allows no video files, only streams")]
    public void A_site_limits_camera_sources_to_its_camera_network(string source, string? refused)
    {
        var policy = Policy(
            ("EdgeCity:Api:CameraSources:Hosts:0", "10.20.0.0/16"),
            ("EdgeCity:Api:CameraSources:Hosts:1", ".cameras.city.example"),
            ("EdgeCity:Api:CameraSources:Files", "false"),
            ("EdgeCity:Api:CameraSources:Devices", "false"));

        var why = CameraSourceRule.Check(source, policy);

        if (refused is null)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.StartsWith(refused, why);
        }
    }

    [Theory]
    [InlineData("rtsp://192.168.1.5/stream", null)]
    [InlineData("/dev/video0", null)]
    [InlineData("/srv/clips/a.mp4", null)]
    [InlineData("/etc/passwd", "'passwd' is not a video file")]
    [InlineData("ftp://10.0.0.1/x", "'ftp://' is not a camera stream")]
    public void Without_a_site_policy_any_stream_device_or_video_file_is_allowed_and_nothing_else(string source, string? refused)
    {
        var why = CameraSourceRule.Check(source, Policy());

        if (refused is null)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.StartsWith(refused, why);
        }
    }
}
