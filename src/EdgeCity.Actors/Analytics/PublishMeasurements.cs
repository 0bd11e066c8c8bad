namespace EdgeCity.Actors.Analytics;

/// <summary>Closes the reporting interval and sends the approach measurements; the actor's timer sends it every interval.</summary>
public sealed class PublishMeasurements
{
    public static readonly PublishMeasurements Instance = new();

    private PublishMeasurements()
    {
    }
}
