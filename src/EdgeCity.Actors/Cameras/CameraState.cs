namespace EdgeCity.Actors.Cameras;

/// <summary>Whether a camera delivers detections.</summary>
public enum CameraState
{
    Starting,
    Up,
    Down,

    /// <summary>A file source reached its end and does not loop.</summary>
    Ended,
}
