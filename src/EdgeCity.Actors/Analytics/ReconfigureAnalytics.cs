using EdgeCity.Domain.Counting;
using EdgeCity.Domain.Zones;

namespace EdgeCity.Actors.Analytics;

/// <summary>Replaces a camera's count lines and lane zones while it runs; answered with <see cref="AnalyticsReconfigured"/> or <see cref="AnalyticsReconfigurationRejected"/>.</summary>
public sealed record ReconfigureAnalytics(IReadOnlyList<CountLine> Lines, IReadOnlyList<LaneZone> Zones);
