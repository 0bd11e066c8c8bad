namespace EdgeCity.Domain.Assessment;

/// <summary>How a finding's position was obtained, so a responder knows how far to trust it.</summary>
public enum PositionSource
{
    /// <summary>No position: the image carried none.</summary>
    None,

    /// <summary>The camera's own position (no pose to project with): the finding is somewhere in view of it.</summary>
    Camera,

    /// <summary>Projected onto flat ground from a downward-looking camera's height, heading and field of view.</summary>
    Projected,
}
