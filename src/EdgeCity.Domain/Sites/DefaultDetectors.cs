namespace EdgeCity.Domain.Sites;

/// <summary>
/// The detector a camera runs when its site file names none, chosen by measurement (models/README.md): a camera of a
/// site with a twin sees the twin's rendered frames, which only EdgeCity's own model was trained on (NanoDet-m finds
/// nothing there); a real camera sees real streets, where NanoDet-m at 416 counted the real clips best.
/// </summary>
public static class DefaultDetectors
{
    /// <summary>EdgeCity's own model, trained on the twin's frames.</summary>
    public const string Twin = "edgecity-vehicles";

    /// <summary>NanoDet-m at 416, COCO-trained, for real footage.</summary>
    public const string RealCamera = "nanodet-m-416";

    /// <summary>The default for the cameras of <paramref name="site"/>.</summary>
    public static string For(SiteDefinition site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return site.Twin is null ? RealCamera : Twin;
    }
}
