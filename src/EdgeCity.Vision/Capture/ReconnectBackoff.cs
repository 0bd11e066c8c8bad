namespace EdgeCity.Vision.Capture;

/// <summary>
/// Delay before the n-th reconnect attempt: exponential from <see cref="Initial"/>, capped at <see cref="Max"/>, with
/// ±<see cref="Jitter"/> random spread so cameras that dropped together (a switch reboot) do not retry in lock-step.
/// </summary>
public sealed record ReconnectBackoff
{
    public TimeSpan Initial { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan Max { get; init; } = TimeSpan.FromSeconds(30);

    public double Factor { get; init; } = 2.0;

    /// <summary>Fraction of the delay added or removed at random (0.2: ±20 %).</summary>
    public double Jitter { get; init; } = 0.2;

    /// <summary>Delay before attempt <paramref name="attempt"/> (0 for the first retry), given a uniform sample in [0, 1).</summary>
    public TimeSpan DelayFor(int attempt, double unitRandom)
    {
        var exponential = Initial.TotalMilliseconds * Math.Pow(Factor, Math.Min(attempt, 30));
        var capped = Math.Min(exponential, Max.TotalMilliseconds);
        var spread = capped * Jitter * ((2 * unitRandom) - 1);
        return TimeSpan.FromMilliseconds(Math.Max(0, Math.Min(capped + spread, Max.TotalMilliseconds)));
    }
}
