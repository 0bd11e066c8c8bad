using EdgeCity.Vision.Runtime;
using OpenCvSharp;

namespace EdgeCity.Vision.Tests.Runtime;

/// <summary>Fails loudly in CI when a native library or the Debian package it links against is missing.</summary>
public sealed class NativeRuntimeProbeSpec
{
    [Fact]
    public void OpenCv_and_OnnxRuntime_native_libraries_load_on_this_machine()
    {
        var report = NativeRuntimeProbe.Probe();

        Assert.StartsWith("4.", report.OpenCvVersion);
        Assert.StartsWith("1.", report.OnnxRuntimeVersion);
        Assert.Contains("CPUExecutionProvider", report.ExecutionProviders);
        Assert.Contains(report.VideoBackends, b => b.StartsWith("FFMPEG:", StringComparison.Ordinal) && b.Contains("YES"));
    }

    [Fact]
    public void OpenCv_encodes_and_decodes_a_jpeg_round_trip()
    {
        using var image = new Mat(48, 64, MatType.CV_8UC3, new Scalar(30, 120, 200));
        Cv2.ImEncode(".jpg", image, out var jpeg);
        using var decoded = Cv2.ImDecode(jpeg, ImreadModes.Color);

        Assert.Equal(new Size(64, 48), decoded.Size());
        var pixel = decoded.At<Vec3b>(24, 32);
        Assert.InRange(pixel.Item2, 190, 210);
    }
}
