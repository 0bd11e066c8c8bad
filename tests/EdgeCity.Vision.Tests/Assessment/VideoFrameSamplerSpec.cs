using System.Globalization;
using System.Text;
using EdgeCity.Vision.Assessment;
using EdgeCity.Vision.Tests.Support;

namespace EdgeCity.Vision.Tests.Assessment;

/// <summary>A real clip with a drone-style SRT written beside it: frames sampled every 2 s, each posed from the SRT.</summary>
public sealed class VideoFrameSamplerSpec
{
    [Fact]
    public void A_video_with_its_srt_beside_it_is_sampled_every_two_seconds_with_a_pose_per_frame()
    {
        var dir = Directory.CreateTempSubdirectory("ec-video-");
        try
        {
            var video = Path.Combine(dir.FullName, "DJI_0007.avi");
            File.Copy(Path.Combine(RepoPaths.Root, "models", "testdata", "real", "motorway-cctv.avi"), video);
            var srt = new StringBuilder();
            for (var s = 0; s <= 30; s++)
            {
                var lat = 46.9 + (s * 0.0001);
                srt.Append(CultureInfo.InvariantCulture, $"{s + 1}\n00:00:{s:00},000 --> 00:00:{s:00},999\n[latitude: {lat:F6}] [longitude: 7.400000] [rel_alt: 30.0 abs_alt: 600.0] [gb_yaw: 0.0 gb_pitch: -90.0]\n\n");
            }

            File.WriteAllText(Path.Combine(dir.FullName, "DJI_0007.SRT"), srt.ToString());
            var problems = new List<IngestProblem>();

            var frames = new VideoFrameSampler(video, 2.0).Frames(problems.Add).Select(f =>
            {
                using (f)
                {
                    return (f.Frame, f.Pose, f.Digest, f.Image.Width);
                }
            }).ToList();

            Assert.Empty(problems);
            Assert.Equal(15, frames.Count);
            Assert.Equal(Enumerable.Range(0, 15).Select(i => i * 50), frames.Select(f => f.Frame));
            Assert.All(frames, f => Assert.Equal(320, f.Width));
            Assert.Equal(46.9 + (4 * 0.0001), frames[2].Pose.Position!.Value.Latitude, 7);
            Assert.Equal(30.0, frames[2].Pose.HeightAboveGroundMeters);
            Assert.Equal(frames.Count, frames.Select(f => f.Digest).Distinct().Count());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_video_opencv_cannot_open_is_a_named_problem()
    {
        var dir = Directory.CreateTempSubdirectory("ec-video-");
        try
        {
            var video = Path.Combine(dir.FullName, "broken.mp4");
            File.WriteAllText(video, "no video here");
            var problems = new List<IngestProblem>();

            Assert.Empty(new VideoFrameSampler(video, 2.0).Frames(problems.Add));
            Assert.Equal(video, Assert.Single(problems).Source);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
