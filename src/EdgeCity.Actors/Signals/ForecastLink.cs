namespace EdgeCity.Actors.Signals;

/// <summary>
/// How an upstream intersection's movement feeds one of this intersection's movements: travel time between the stop
/// lines and the share of the upstream departures that arrive here.
/// </summary>
public sealed record ForecastLink(string UpstreamIntersection, string UpstreamMovement, string Movement, double TravelSeconds, double Share = 1.0);
