namespace EdgeCity.Domain.Sites;

/// <summary>
/// How image pixels map to the road plane: a 3×3 homography (row-major, image → road metres), or four or more point
/// pairs from which one is solved.
/// </summary>
public sealed record CalibrationDefinition
{
    public IReadOnlyList<double>? Homography { get; init; }

    public IReadOnlyList<CalibrationPoint>? Points { get; init; }
}
