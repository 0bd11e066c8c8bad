namespace EdgeCity.Node.Api;

/// <summary>A count line in image pixels, as the API takes it: <c>from</c> and <c>to</c> are <c>[x, y]</c>.</summary>
public sealed record CountLinePayload(string? Id, string? Approach, double[]? From, double[]? To);
