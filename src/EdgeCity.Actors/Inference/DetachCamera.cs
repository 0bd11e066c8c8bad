using EdgeCity.Vision.Capture;

namespace EdgeCity.Actors.Inference;

/// <summary>Stop taking frames from this slot of the camera (camera stopped, or its capture was replaced).</summary>
public sealed record DetachCamera(string CameraId, LatestFrameSlot Slot);
