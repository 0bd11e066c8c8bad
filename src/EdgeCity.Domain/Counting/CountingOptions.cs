namespace EdgeCity.Domain.Counting;

/// <summary>How the <see cref="LineCounter"/> bridges id switches next to a line.</summary>
public sealed record CountingOptions
{
    /// <summary>How long after a track was lost near a line a new track may take over its side of the line.</summary>
    public TimeSpan HandoverWindow { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// A new track takes over a lost one when their anchors are within this many times the new box's larger side
    /// (an id switch is usually a jump of the box, so the radius is generous; new tracks rarely start mid-picture).
    /// </summary>
    public double HandoverRadiusBoxSizes { get; init; } = 1.0;

    /// <summary>
    /// A new track takes over a lost one only when its box is at most this many times taller or shorter than the lost
    /// track's last box: an id switch keeps the vehicle's size, and a box several times the height is another object
    /// (a spurious box over half the picture would otherwise reach every lost track with its radius).
    /// </summary>
    public double HandoverMaxSizeRatio { get; init; } = 2.0;

    /// <summary>
    /// A crossing counts only once the vehicle has moved this many of its box heights along the line's normal, from
    /// where it was first seen (from the line after a first count): box jitter of a stopped vehicle, or a track
    /// re-born on the line, is not a crossing. Scaled by the box so it means the same near and far.
    /// </summary>
    public double MinTravelBoxHeights { get; init; } = 0.5;

    /// <summary>
    /// A track's anchor moving more than this many box heights from one frame to the next is an id switch onto another
    /// vehicle, not motion: the id starts afresh at the new place (it neither crosses back nor keeps what it counted).
    /// </summary>
    public double MaxStepBoxHeights { get; init; } = 1.0;

    /// <summary>The step rule applies to frames at most this far apart (after a longer gap a vehicle may have gone far).</summary>
    public TimeSpan MaxStepGap { get; init; } = TimeSpan.FromSeconds(0.3);

    /// <summary>Upper bound on lost tracks remembered for handover, per line.</summary>
    public int MaxHandovers { get; init; } = 64;
}
