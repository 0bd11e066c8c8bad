using EdgeCity.Domain.Counting;

namespace EdgeCity.Domain.Sites;

/// <summary>The anchor names a site file's count line may give, and the point of the box each one means.</summary>
public static class CountLineAnchors
{
    public static readonly IReadOnlyDictionary<string, AnchorPoint> ByName = new Dictionary<string, AnchorPoint>(StringComparer.Ordinal)
    {
        ["bottom-centre"] = AnchorPoint.BottomCenter,
        ["centre"] = AnchorPoint.Center,
        ["top-centre"] = AnchorPoint.TopCenter,
    };

    /// <summary>The anchor a line names (bottom-centre when it names none); false for a name not in <see cref="ByName"/>.</summary>
    public static bool TryParse(string? name, out AnchorPoint anchor)
    {
        anchor = AnchorPoint.BottomCenter;
        return name is null || ByName.TryGetValue(name, out anchor);
    }
}
