namespace EdgeCity.Domain.Sites;

/// <summary>A surveyed point: where it is in the image (pixels) and on the road (metres).</summary>
public sealed record CalibrationPoint
{
    public IReadOnlyList<double> Image { get; init; } = [];

    public IReadOnlyList<double> Road { get; init; } = [];
}
