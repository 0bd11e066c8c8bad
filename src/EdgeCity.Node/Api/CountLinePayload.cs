namespace EdgeCity.Node.Api;

/// <summary>
/// A count line in image pixels, as the API takes it: <c>from</c> and <c>to</c> are <c>[x, y]</c>, and like a site file's
/// line it counts "in" from its right-hand side to its left (walking from -> to); <c>in</c> and <c>out</c> name the
/// directions, <c>anchor</c> the point of a box that crosses.
/// </summary>
public sealed record CountLinePayload(string? Id, string? Approach, double[]? From, double[]? To, string? In = null, string? Out = null, string? Anchor = null);
