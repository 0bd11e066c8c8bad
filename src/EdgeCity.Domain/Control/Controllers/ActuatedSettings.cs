namespace EdgeCity.Domain.Control.Controllers;

/// <summary>Actuated control settings: passage time (the gap that ends a green) and movements on recall.</summary>
public sealed record ActuatedSettings
{
    /// <summary>A green is extended while vehicles keep arriving closer together than this (seconds).</summary>
    public double PassageSeconds { get; init; } = 3.0;

    /// <summary>Movements always called and served for their phase's default green (used for stale detectors).</summary>
    public IReadOnlySet<string> Recall { get; init; } = new HashSet<string>();
}
