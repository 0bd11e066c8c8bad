namespace EdgeCity.Vision.Assessment;

/// <summary>How images are assessed: tiling, the confidence a finding needs, and its thumbnail.</summary>
public sealed record AssessorOptions
{
    /// <summary>
    /// Tile side in source pixels; 0 (the default) takes the model's input size, so objects reach the detector at their
    /// own scale. Images larger than one tile are tiled. Smaller tiles enlarge small objects (more found, more passes):
    /// on the overpass frames with hand boxes, NanoDet-m 416 found 25 % of the cars on the whole image, 52 % with 416
    /// tiles and 75 % with 256 tiles (docs/assessment.md).
    /// </summary>
    public int TileSize { get; init; }

    /// <summary>Overlap between neighbouring tiles, pixels: an object cut by one tile's edge is whole in the next.</summary>
    public int TileOverlap { get; init; } = 64;

    /// <summary>
    /// Detections below this confidence are no finding. Low on purpose: a missed survivor costs more than a false
    /// alarm a person dismisses, and the triage view filters by confidence.
    /// </summary>
    public double MinConfidence { get; init; } = 0.3;

    /// <summary>The longest side of a finding's thumbnail, pixels.</summary>
    public int ThumbnailSize { get; init; } = 256;

    /// <summary>Blur faces (and plates) in thumbnails: on by default; a team may turn it off for identification.</summary>
    public bool BlurFaces { get; init; } = true;
}
