using EdgeCity.Domain.Assessment;
using OpenCvSharp;

namespace EdgeCity.Vision.Assessment;

/// <summary>
/// What a team points <c>assess</c> at: a folder (photos and videos in it, in name order, not recursing), a photo, or a
/// video. Photos carry their pose in EXIF/XMP (<see cref="PhotoMetadata"/>); a video is sampled every
/// <see cref="VideoFrameSampler.EverySeconds"/> and posed from its telemetry (the drone's SRT beside it, or a track given).
/// Unreadable inputs are reported as <see cref="IngestProblem"/>s, never skipped silently.
/// </summary>
public static class AssessmentInputs
{
    public static readonly string[] PhotoExtensions = [".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp"];

    public static readonly string[] VideoExtensions = [".mp4", ".mov", ".avi", ".mkv", ".m4v", ".ts"];

    /// <summary>The files to assess under <paramref name="path"/>; throws <see cref="FileNotFoundException"/> naming the path when there is nothing.</summary>
    public static IReadOnlyList<string> Files(string path)
    {
        if (File.Exists(path))
        {
            return IsPhoto(path) || IsVideo(path) ? [Path.GetFullPath(path)]
                : throw new ArgumentException($"{path}: not a photo ({string.Join(" ", PhotoExtensions)}) or a video ({string.Join(" ", VideoExtensions)})");
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"{Path.GetFullPath(path)}: no such file or folder", path);
        }

        return Directory.EnumerateFiles(path).Where(f => IsPhoto(f) || IsVideo(f)).Order(StringComparer.Ordinal).Select(Path.GetFullPath).ToList();
    }

    public static bool IsPhoto(string path) => PhotoExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    public static bool IsVideo(string path) => VideoExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>Reads a photo: its bytes' digest, the decoded image and its pose; null with a problem when it cannot be decoded.</summary>
    public static IngestedImage? ReadPhoto(string path, out IngestProblem? problem)
    {
        problem = null;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            problem = new IngestProblem(path, e.Message);
            return null;
        }

        var image = bytes.Length == 0 ? new Mat() : Cv2.ImDecode(bytes, ImreadModes.Color);
        if (image.Empty())
        {
            image.Dispose();
            problem = new IngestProblem(path, $"not a decodable image ({bytes.Length} bytes)");
            return null;
        }

        using var metadata = new MemoryStream(bytes, writable: false);
        return new IngestedImage(image, path, 0, FindingId.DigestOf(bytes), PhotoMetadata.Read(metadata));
    }
}
