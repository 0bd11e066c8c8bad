using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace EdgeCity.Vision.Runtime;

/// <summary>
/// Loads the native OpenCV and ONNX Runtime libraries once and reports what they offer.
/// Run at start-up so a missing system library (libgtk-3 for OpenCvSharp, for instance) fails loudly then,
/// not at the first camera.
/// </summary>
public static class NativeRuntimeProbe
{
    /// <summary>Touches both native libraries and throws <see cref="InvalidOperationException"/> naming the one that failed to load.</summary>
    public static NativeRuntimeReport Probe()
    {
        string cvVersion;
        IReadOnlyList<string> backends;
        try
        {
            cvVersion = Cv2.GetVersionString() ?? "unknown";
            backends = Cv2.GetBuildInformation()
                .Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.StartsWith("FFMPEG:", StringComparison.Ordinal) || l.StartsWith("GStreamer:", StringComparison.Ordinal) || l.StartsWith("v4l/v4l2:", StringComparison.Ordinal))
                .ToArray();
        }
        catch (Exception ex) when (ex is TypeInitializationException or DllNotFoundException or BadImageFormatException)
        {
            throw new InvalidOperationException(
                "OpenCvSharp's native library (libOpenCvSharpExtern) failed to load; on Debian/Ubuntu install libgtk-3-0 (./edgecity does). " + ex.GetBaseException().Message,
                ex);
        }

        string ortVersion;
        IReadOnlyList<string> providers;
        try
        {
            ortVersion = OrtEnv.Instance().GetVersionString();
            providers = OrtEnv.Instance().GetAvailableProviders();
        }
        catch (Exception ex) when (ex is TypeInitializationException or DllNotFoundException or BadImageFormatException or OnnxRuntimeException)
        {
            throw new InvalidOperationException("ONNX Runtime's native library (libonnxruntime) failed to load: " + ex.GetBaseException().Message, ex);
        }

        return new NativeRuntimeReport(cvVersion, backends, ortVersion, providers);
    }
}
