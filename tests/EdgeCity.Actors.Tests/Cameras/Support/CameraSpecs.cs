namespace EdgeCity.Actors.Tests.Cameras.Support;

/// <summary>
/// Camera specs decode video and run models flat out; they run on their own, after the parallel specs, so that
/// timing-sensitive specs (a cluster forming within its window) never share the two cores with them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CameraSpecs
{
    public const string Name = "camera pipeline";
}
