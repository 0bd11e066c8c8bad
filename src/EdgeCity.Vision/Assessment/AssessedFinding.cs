using EdgeCity.Domain.Assessment;

namespace EdgeCity.Vision.Assessment;

/// <summary>A finding with its thumbnail (JPEG, faces blurred unless turned off).</summary>
public sealed record AssessedFinding(Finding Finding, byte[] Thumbnail);
