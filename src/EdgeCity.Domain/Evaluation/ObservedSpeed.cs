using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Evaluation;

/// <summary>A tracked vehicle's speed the pipeline measured, with its box to match it to a truth vehicle.</summary>
public sealed record ObservedSpeed(double Time, BoxF Box, double MetersPerSecond);
