using EdgeCity.Domain.Assessment;
using OpenCvSharp;

namespace EdgeCity.Vision.Assessment;

/// <summary>
/// One image to assess: the decoded pixels (owned; dispose), where it came from (a photo, or a video and a frame), its
/// pose, and the digest its finding ids derive from.
/// </summary>
public sealed record IngestedImage(Mat Image, string Source, int Frame, string Digest, ImagePose Pose) : IDisposable
{
    public void Dispose() => Image.Dispose();
}
