using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Counting;

/// <summary>A track lost near a count line before it crossed: a new track appearing next to it may take its place.</summary>
internal sealed record LineHandover(long TrackId, TrackLineSide Side, Point2 LastPoint, double LastDistance, DateTimeOffset LostAt);
