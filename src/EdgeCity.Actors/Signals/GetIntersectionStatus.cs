namespace EdgeCity.Actors.Signals;

/// <summary>Asks a coordinator for its <see cref="IntersectionStatus"/>.</summary>
public sealed class GetIntersectionStatus
{
    public static readonly GetIntersectionStatus Instance = new();

    private GetIntersectionStatus()
    {
    }
}
