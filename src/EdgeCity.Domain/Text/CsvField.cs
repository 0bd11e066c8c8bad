namespace EdgeCity.Domain.Text;

/// <summary>One CSV field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, quote or line break.</summary>
public static class CsvField
{
    public static string Of(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }
}
