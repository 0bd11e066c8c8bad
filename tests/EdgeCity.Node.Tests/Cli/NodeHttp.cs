using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeCity.Node.Tests.Cli;

/// <summary>Talking to a node started with <see cref="NodeProcess"/>: its address, waiting for a state, reading metrics.</summary>
internal static class NodeHttp
{
    /// <summary>A client on the node's address once it listens.</summary>
    public static async Task<HttpClient> ClientAsync(NodeProcess node, HttpMessageHandler? handler = null)
    {
        var listening = await node.WaitForOutputAsync("Now listening on: ", TimeSpan.FromSeconds(60));
        var http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.BaseAddress = new Uri(listening["Now listening on: ".Length..].Trim());
        return http;
    }

    /// <summary>
    /// Reads <paramref name="path"/> every half second until <paramref name="holds"/> is true of its body, and returns
    /// that body; fails with <paramref name="failure"/>, the last body and the node's output after <paramref name="seconds"/>.
    /// </summary>
    public static async Task<string> UntilAsync(HttpClient http, string path, Func<string, bool> holds, NodeProcess node, string failure, int seconds = 45)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var body = string.Empty;
        while (!holds(body))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{failure} within {seconds} s:\n{body}\n{node.Output}");
            await Task.Delay(500);
            body = await http.GetStringAsync(path);
        }

        return body;
    }

    /// <summary>The sum of the Prometheus series whose name and labels match <paramref name="series"/> (a regex), NaN when none does.</summary>
    public static double Sum(string metrics, string series)
    {
        var values = Regex.Matches(metrics, "^" + series + " (\\S+)$", RegexOptions.Multiline).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        return values.Count == 0 ? double.NaN : values.Sum();
    }
}
