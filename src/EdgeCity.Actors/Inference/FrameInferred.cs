using EdgeCity.Domain.Detection;

namespace EdgeCity.Actors.Inference;

/// <summary>Sent by the inference thread to the camera actor: the detections of one of its frames.</summary>
public sealed record FrameInferred(FrameDetections Detections);
