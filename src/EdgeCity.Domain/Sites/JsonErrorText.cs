using System.Text.Json;

namespace EdgeCity.Domain.Sites;

/// <summary>What a <see cref="JsonException"/> says, without the "Path: ... | LineNumber: ..." tail System.Text.Json appends (every reader reports those in its own words).</summary>
public static class JsonErrorText
{
    public static string Of(JsonException e)
    {
        var cut = e.Message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? e.Message[..cut] : e.Message;
    }
}
