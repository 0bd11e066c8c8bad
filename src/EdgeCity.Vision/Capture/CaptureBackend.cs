namespace EdgeCity.Vision.Capture;

/// <summary>Which decoder opens a camera's source.</summary>
public enum CaptureBackend
{
    /// <summary>OpenCV for files and V4L2 devices; an FFmpeg process for network URLs (see <see cref="FfmpegProcess"/>).</summary>
    Auto,

    /// <summary>OpenCV's <c>VideoCapture</c> (FFMPEG back-end with open/read timeouts; V4L2 for devices) for everything.</summary>
    OpenCv,

    /// <summary>
    /// The system's <c>ffmpeg</c> decoding to a pipe. The FFmpeg inside OpenCvSharp's official Linux runtime is built
    /// without network protocols (no http, tcp, rtsp), so on x86 boxes network cameras are read this way.
    /// </summary>
    FfmpegProcess,
}
