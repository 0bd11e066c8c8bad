using EdgeCity.Domain.Control;

namespace EdgeCity.Domain.Tests.Control;

/// <summary>What a <see cref="QueueJunction"/> run measured.</summary>
internal sealed record JunctionResult(
    double MeanDelaySeconds,
    int Vehicles,
    int Stops,
    int ViolationsPrevented,
    IReadOnlyList<ValidatorViolation> RuleBreaks,
    Dictionary<string, List<(double Arrival, double Departure)>> Departures);
