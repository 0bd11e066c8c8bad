namespace EdgeCity.Vision.Runtime;

/// <summary>What the native vision stack on this box can do: OpenCV build, video back-ends and ONNX Runtime providers.</summary>
public sealed record NativeRuntimeReport(
    string OpenCvVersion,
    IReadOnlyList<string> VideoBackends,
    string OnnxRuntimeVersion,
    IReadOnlyList<string> ExecutionProviders);
