using EdgeCity.Domain.Sites;
using EdgeCity.Simulation.Twin;
using OpenCvSharp;

namespace EdgeCity.Simulation.Tests.Twin;

public sealed class TwinRecordingSpec
{
    [Fact]
    public async Task A_recording_has_one_truth_line_per_video_frame_and_counts_arriving_vehicles_in()
    {
        var site = SiteFile.Load(RepositoryPaths.DemoSite).Site!;
        var folder = Path.GetDirectoryName(RepositoryPaths.DemoSite)!;
        var output = Path.Combine(Path.GetTempPath(), $"edgecity-rec-{Guid.NewGuid():N}");
        try
        {
            using var twin = await SiteTwin.StartAsync(site, folder, ["J1-W_J1"]);
            twin.Sumo.Traci.Step(120);
            var renderer = twin.Renderers[0];
            using (var recording = new TwinRecording(output, renderer.CameraId, 10, renderer.Camera.Width, renderer.Camera.Height))
            {
                twin.Run((_, image, truth) => recording.Write(image, truth), realTime: false, seconds: 40, CancellationToken.None);
            }

            var truths = File.ReadAllLines(Path.Combine(output, "J1-W_J1.truth.jsonl")).Select(TruthFrame.FromJsonLine).ToList();
            using var capture = new VideoCapture(Path.Combine(output, "J1-W_J1.avi"));
            var frames = 0;
            using var frame = new Mat();
            while (capture.Read(frame) && !frame.Empty())
            {
                frames++;
            }

            Assert.Equal(400, truths.Count);
            Assert.Equal(truths.Count, frames);
            Assert.Equal(Enumerable.Range(0, 400).Select(i => (long)i), truths.Select(t => t.Frame));
            // Eastbound morning traffic on W_J1 crosses the camera's count line towards the junction: "in", once per vehicle.
            var crossings = truths.SelectMany(t => t.Crossings).ToList();
            Assert.NotEmpty(crossings);
            Assert.All(crossings, c => Assert.Equal("W_J1-in", c.Line));
            Assert.All(crossings, c => Assert.Equal("in", c.Direction));
            Assert.Equal(crossings.Count, crossings.Select(c => c.Vehicle).Distinct().Count());
            var lanes = truths.SelectMany(t => t.Objects).Where(o => crossings.Any(c => c.Vehicle == o.Id)).Select(o => o.Lane).Distinct();
            Assert.All(lanes, l => Assert.True(l.StartsWith("W_J1_", StringComparison.Ordinal) || l.StartsWith(':'), l));
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, true);
            }
        }
    }
}
