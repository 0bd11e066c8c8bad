namespace EdgeCity.Domain.Sites;

/// <summary>
/// Where a (simulated) camera sits in road-plane metres: position, mast height, heading (degrees from north,
/// clockwise, as SUMO measures angles), downward tilt, horizontal field of view and image size; or a top-down view
/// centred on the position with <see cref="MetersPerPixel"/>.
/// </summary>
public sealed record CameraPoseDefinition
{
    public double X { get; init; }

    public double Y { get; init; }

    public double Height { get; init; } = 8;

    public double Heading { get; init; }

    public double Tilt { get; init; } = 25;

    public double Fov { get; init; } = 70;

    public int ImageWidth { get; init; } = 640;

    public int ImageHeight { get; init; } = 360;

    public bool TopDown { get; init; }

    public double MetersPerPixel { get; init; } = 0.1;
}
