using EdgeCity.Domain.Evaluation;
using EdgeCity.Domain.Sites;
using EdgeCity.Simulation.Twin;
using OpenCvSharp;

namespace EdgeCity.Simulation.Tests.Twin;

public sealed class TwinRecordingSpec
{
    [Theory]
    [InlineData("J1-W_J1", "J1-W_J1")]
    [InlineData("0/0-0/1to0/0", "0_0-0_1to0_0")]
    [InlineData("a\\b:c", "a_b_c")]
    [InlineData("..", "_..")]
    public void A_camera_id_with_path_separators_names_a_file_in_the_output_folder(string cameraId, string stem)
    {
        Assert.Equal(stem, TwinRecording.FileStem(cameraId));
    }

    [Fact]
    public async Task A_recording_has_one_truth_line_per_video_frame_counts_arriving_vehicles_forward_and_measures_queues()
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

            var truths = TruthReader.Read(File.OpenText(Path.Combine(output, "J1-W_J1.truth.jsonl")), "J1-W_J1.truth.jsonl");
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
            // Eastbound morning traffic on W_J1 crosses the camera's count line towards the junction: the site's "in",
            // the analytics' forward, once per vehicle.
            var crossings = truths.SelectMany(t => t.Crossings).ToList();
            Assert.NotEmpty(crossings);
            Assert.All(crossings, c => Assert.Equal("W_J1-in", c.Line));
            Assert.All(crossings, c => Assert.Equal("forward", c.Direction));
            Assert.Equal(crossings.Count, crossings.Select(c => c.Vehicle).Distinct().Count());
            var lanes = truths.SelectMany(t => t.Vehicles).Where(o => crossings.Any(c => c.Vehicle == o.Id)).Select(o => o.Lane).Distinct();
            Assert.All(lanes, l => Assert.True(l.StartsWith("W_J1_", StringComparison.Ordinal) || l.StartsWith(':'), l));
            // Every frame lists the queue of both watched lanes; a red phase within 40 s builds one on W_J1.
            Assert.All(truths, t => Assert.Equal(["W_J1_0", "W_J1_1"], t.Queues.Select(q => q.Lane).Order()));
            Assert.All(truths.SelectMany(t => t.Queues), q => Assert.Equal("W_J1", q.Approach));
            Assert.Contains(truths.SelectMany(t => t.Queues), q => q.Meters > 10);
            Assert.All(truths.SelectMany(t => t.Vehicles).Where(v => v.Lane.StartsWith("W_J1_", StringComparison.Ordinal)), v => Assert.Equal("W_J1", v.Approach));
            Assert.Contains(truths.SelectMany(t => t.Vehicles), v => v.Speed > 8);
            Assert.All(truths, t => Assert.Equal("J1-W_J1", t.Camera));
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
