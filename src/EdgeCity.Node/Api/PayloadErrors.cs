namespace EdgeCity.Node.Api;

/// <summary>Collects what is wrong with a payload, per field (JSON path such as <c>countLines[0].from</c>), for an RFC 7807 problem.</summary>
public sealed class PayloadErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>The fields found wrong, by JSON path.</summary>
    public IReadOnlyCollection<string> Fields => _errors.Keys;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public IResult ToProblem(string title) => Results.ValidationProblem(
        _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()),
        title: title,
        detail: string.Join("; ", _errors.Select(kv => $"{kv.Key}: {string.Join(", ", kv.Value)}")));
}
