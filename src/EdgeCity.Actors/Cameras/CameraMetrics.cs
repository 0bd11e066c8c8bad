using Prometheus;

namespace EdgeCity.Actors.Cameras;

/// <summary>Prometheus metrics of the camera pipeline: per camera (label <c>camera</c>) and per model (<c>model</c>, <c>provider</c>).</summary>
public static class CameraMetrics
{
    private static readonly double[] LatencyBuckets = [0.002, 0.005, 0.01, 0.02, 0.035, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1, 2];

    public static readonly Counter FramesCaptured = Metrics.CreateCounter(
        "edgecity_camera_frames_captured_total", "Frames decoded from the camera's stream.", "camera");

    public static readonly Counter FramesDropped = Metrics.CreateCounter(
        "edgecity_camera_frames_dropped_total",
        "Frames not inferred: superseded (a newer frame replaced it first), rate_limit (above max fps), bad_frame, inference_error.",
        "camera", "reason");

    public static readonly Counter FramesInferred = Metrics.CreateCounter(
        "edgecity_camera_frames_inferred_total", "Frames run through the detector, detections published.", "camera");

    public static readonly Histogram InferenceSeconds = Metrics.CreateHistogram(
        "edgecity_camera_inference_seconds", "Preprocess, model run and decoding of the batch that held the frame.",
        new HistogramConfiguration { LabelNames = ["camera"], Buckets = LatencyBuckets });

    public static readonly Histogram EndToEndSeconds = Metrics.CreateHistogram(
        "edgecity_camera_end_to_end_seconds", "From the frame's capture to its detections being published.",
        new HistogramConfiguration { LabelNames = ["camera"], Buckets = LatencyBuckets });

    public static readonly Gauge StreamUp = Metrics.CreateGauge(
        "edgecity_camera_stream_up", "1 while the camera's stream is open and delivering, else 0.", "camera");

    public static readonly Counter Reconnects = Metrics.CreateCounter(
        "edgecity_camera_reconnects_total", "Attempts to reopen the stream after a failure, and watchdog restarts.", "camera");

    public static readonly Gauge ModelUp = Metrics.CreateGauge(
        "edgecity_model_up", "1 when the model is loaded (provider: tensorrt, cuda or cpu), 0 with provider=none when it failed.", "model", "provider");

    public static readonly Histogram BatchSize = Metrics.CreateHistogram(
        "edgecity_model_batch_size", "Frames per model run.",
        new HistogramConfiguration { LabelNames = ["model", "provider"], Buckets = [1, 2, 3, 4, 6, 8, 12, 16] });
}
