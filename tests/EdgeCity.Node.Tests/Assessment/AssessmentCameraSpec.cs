using System.Diagnostics;
using System.Text.Json;
using EdgeCity.Node.Tests.Cli;
using EdgeCity.Testing;

namespace EdgeCity.Node.Tests.Assessment;

/// <summary>
/// A disaster-site box with a camera of its own: a real video stream (a still scene made with ffmpeg, looping) read by
/// the capture thread, a frame assessed every second, findings placed at the camera; a scene that does not change
/// gives its findings once, not once a frame.
/// </summary>
public sealed class AssessmentCameraSpec : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("ec-cam-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task A_fixed_cameras_unchanging_scene_is_reported_once_at_the_cameras_position()
    {
        var clip = Path.Combine(_dir.FullName, "mast.mp4");
        var photo = Path.Combine(RepositoryRoot.FullName, "models", "testdata", "assessment", "cctv-0004.jpg");
        using (var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", ["-loglevel", "error", "-y", "-loop", "1", "-i", photo, "-t", "3", "-r", "5", "-pix_fmt", "yuv420p", clip]))!)
        {
            await ffmpeg.WaitForExitAsync();
            Assert.Equal(0, ffmpeg.ExitCode);
        }

        var site = Path.Combine(_dir.FullName, "site.json");
        await File.WriteAllTextAsync(site, """
            { "name": "mast", "assessment": { "everySeconds": 1,
              "cameras": [ { "id": "mast-1", "source": "mast.mp4", "latitude": 46.948, "longitude": 7.449 } ] } }
            """);
        using var node = DisasterSiteNode.Start(site, _dir.FullName);
        using var http = await NodeHttp.ClientAsync(node);

        // Eight frames assessed: the same cars in every one.
        await NodeHttp.UntilAsync(http, "/api/assessment/status", s => s.Length > 0 && JsonDocument.Parse(s).RootElement.GetProperty("inbox").GetProperty("assessed").GetInt64() >= 8, node, "camera frames not assessed", seconds: 120);
        var findings = JsonDocument.Parse(await http.GetStringAsync("/api/findings")).RootElement.GetProperty("findings").EnumerateArray().ToList();

        Assert.InRange(findings.Count, 5, 14); // one frame's cars (the CLI finds 10 in this photo), not eight frames' worth
        Assert.All(findings, f =>
        {
            Assert.Equal(46.948, f.GetProperty("latitude").GetDouble(), 6);
            Assert.Equal("camera", f.GetProperty("position").GetString());
            Assert.Equal("camera:mast-1", f.GetProperty("source").GetString());
        });
    }
}
