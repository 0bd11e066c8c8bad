using OpenCvSharp;

namespace EdgeCity.Vision.Capture;

/// <summary>
/// One frame buffer of a <see cref="LatestFrameSlot"/>: a BGR image reused frame after frame, with the moment it was
/// captured. Owned by the slot; its <see cref="Image"/> is valid only while the holder has it.
/// </summary>
public sealed class CapturedFrame : IDisposable
{
    /// <summary>The decoded frame (8-bit BGR); reused, so never keep a reference past the hand-over.</summary>
    public Mat Image { get; } = new();

    /// <summary>Frame counter of the capture (since the camera started), for gaps and ordering.</summary>
    public long FrameNumber { get; set; }

    /// <summary>When the frame was read from the source (from the capture's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset CapturedAt { get; set; }

    /// <summary>High-resolution timestamp of the capture (<see cref="TimeProvider.GetTimestamp"/>), for latency.</summary>
    public long CapturedTimestamp { get; set; }

    public void Dispose() => Image.Dispose();
}
