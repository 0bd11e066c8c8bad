namespace EdgeCity.Domain.Sites;

/// <summary>One intersection of a corridor: where its stop line lies along the corridor (metres from the first) and the phase the wave runs in (null: its first).</summary>
public sealed record CorridorMemberDefinition
{
    public string Intersection { get; init; } = string.Empty;

    public double Metres { get; init; }

    public string? Phase { get; init; }
}
