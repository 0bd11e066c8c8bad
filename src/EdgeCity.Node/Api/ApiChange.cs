namespace EdgeCity.Node.Api;

/// <summary>
/// One changing API call, allowed or refused: when, which operator (the name of the token used; null when none
/// matched), from where, what (method, path, the body with credentials in URLs masked) and the answer's status.
/// </summary>
public sealed record ApiChange(DateTimeOffset Time, string? Operator, string? Client, string Method, string Path, int Status, string Body);
