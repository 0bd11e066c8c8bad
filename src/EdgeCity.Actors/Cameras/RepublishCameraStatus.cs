namespace EdgeCity.Actors.Cameras;

/// <summary>
/// Asks a camera actor to publish its <see cref="CameraStatus"/> again: a view that subscribed after the camera went
/// down (a model refused at start-up) learns why instead of showing the camera as unknown.
/// </summary>
public sealed class RepublishCameraStatus
{
    public static readonly RepublishCameraStatus Instance = new();

    private RepublishCameraStatus()
    {
    }
}
