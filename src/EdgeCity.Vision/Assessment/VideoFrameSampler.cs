using System.Security.Cryptography;
using System.Text;
using EdgeCity.Domain.Assessment;
using OpenCvSharp;

namespace EdgeCity.Vision.Assessment;

/// <summary>
/// Samples a video every <see cref="EverySeconds"/> (a drone video at 30 fps repeats itself frame to frame) and poses
/// each sample from a telemetry track: the drone's SRT subtitle file beside the video (same name, .srt/.SRT) unless a
/// track is given. Frames are read in order (grabbing the ones between), which is what H.264 decoding costs anyway.
/// </summary>
public sealed class VideoFrameSampler(string path, double everySeconds, TelemetryTrack? track = null, DateTimeOffset? videoStart = null)
{
    public double EverySeconds { get; } = everySeconds > 0 ? everySeconds : throw new ArgumentOutOfRangeException(nameof(everySeconds), everySeconds, "the sampling interval must be positive");

    /// <summary>The telemetry in use (given, or the SRT found beside the video), or null.</summary>
    public TelemetryTrack? Track { get; private set; } = track;

    /// <summary>The SRT file beside a video (same name, .srt in any case), or null.</summary>
    public static string? SidecarTelemetry(string video)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(video))!;
        var stem = Path.GetFileNameWithoutExtension(video);
        return Directory.EnumerateFiles(folder, stem + ".*").FirstOrDefault(f => string.Equals(Path.GetExtension(f), ".srt", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The sampled frames, in order; <paramref name="problem"/> is set when the video (or its telemetry) cannot be read.</summary>
    public IEnumerable<IngestedImage> Frames(Action<IngestProblem> problem)
    {
        if (Track is null && SidecarTelemetry(path) is { } srt)
        {
            var (parsed, skipped) = SrtTelemetry.Parse(File.ReadAllText(srt), srt);
            Track = parsed;
            if (skipped > 0)
            {
                problem(new IngestProblem(srt, $"{skipped} telemetry blocks without a position skipped"));
            }
        }

        using var capture = new VideoCapture(path);
        if (!capture.IsOpened() || !(capture.Fps > 0))
        {
            problem(new IngestProblem(path, "OpenCV cannot open the video or it states no frame rate"));
            yield break;
        }

        var videoDigest = DigestOfFile(path);
        var step = Math.Max(1, (int)Math.Round(EverySeconds * capture.Fps));
        var fps = capture.Fps;
        for (var frame = 0; ; frame++)
        {
            if (frame % step != 0)
            {
                if (!capture.Grab())
                {
                    yield break;
                }

                continue;
            }

            var image = new Mat();
            if (!capture.Read(image) || image.Empty())
            {
                image.Dispose();
                yield break;
            }

            var offset = TimeSpan.FromSeconds(frame / fps);
            var pose = Track?.PoseAt(offset, videoStart + offset) ?? new ImagePose(null, videoStart + offset);
            var digest = FindingId.DigestOf(Encoding.UTF8.GetBytes($"{videoDigest}:{frame}"));
            yield return new IngestedImage(image, path, frame, digest, pose);
        }
    }

    private static string DigestOfFile(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
