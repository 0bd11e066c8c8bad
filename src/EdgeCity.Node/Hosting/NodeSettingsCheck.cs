using System.Globalization;
using System.Net;
using EdgeCity.Node.Api;

namespace EdgeCity.Node.Hosting;

/// <summary>
/// Checks the node's own keys at start-up (the HTTP addresses, API tokens and camera-source rules, the dashboard's frame
/// settings, the demo's twin settings), so a bad value stops the node naming the key, the problem and where it was set,
/// instead of being clamped silently or failing on the first request. The camera keys are <see cref="CameraOptionsCheck"/>'s.
/// </summary>
public static class NodeSettingsCheck
{
    /// <summary>Every problem as "key: what is wrong (set in source)"; empty when the settings are valid.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>();
        void Add(string key, string what) => problems.Add($"{key}: {what} (set in {ConfigurationSource.Of(configuration, key)})");

        if (configuration["EdgeCity:Http:Urls"] is { Length: > 0 } urls)
        {
            foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                // Kestrel's wildcard hosts (* and +) are fine; anything else must be an http(s) address with a port.
                var parsed = url.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal);
                if (!Uri.TryCreate(parsed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.PathAndQuery != "/")
                {
                    Add("EdgeCity:Http:Urls", $"'{url}' is not an http:// or https:// address with a host and port (such as http://0.0.0.0:5080)");
                }
            }
        }

        foreach (var (key, _, token) in ApiToken.Configured(configuration))
        {
            if (token.Length < ApiToken.MinimumLength)
            {
                Add(key, $"has {token.Length} characters; at least {ApiToken.MinimumLength} are required (a long random secret: openssl rand -hex 24)");
            }
        }

        Number(configuration, "EdgeCity:Dashboard:FramesPerSecond", 0.2, 5, Add);
        Boolean(configuration, "EdgeCity:Dashboard:ShowFrames", Add);
        if (configuration[CameraFrameEndpoint.CascadeFolderKey] is { Length: > 0 } cascades && !Directory.Exists(cascades))
        {
            Add(CameraFrameEndpoint.CascadeFolderKey, $"folder '{cascades}' does not exist");
        }

        Boolean(configuration, $"{CameraSourcePolicy.Section}:Files", Add);
        Boolean(configuration, $"{CameraSourcePolicy.Section}:Devices", Add);
        foreach (var host in configuration.GetSection($"{CameraSourcePolicy.Section}:Hosts").GetChildren())
        {
            if (host.Value is { Length: > 0 } rule && rule.Contains('/', StringComparison.Ordinal) && !IPNetwork.TryParse(rule.Trim(), out _))
            {
                Add(host.Path, $"'{rule}' is not a network in CIDR notation (such as 10.20.0.0/16)");
            }
        }

        Number(configuration, "EdgeCity:Demo:CameraFps", 0.5, 30, Add);
        Number(configuration, DemoLoop.RestartKey, 0.1, 3600, Add);
        Number(configuration, "EdgeCity:Demo:TwinPort", 0, 65535, Add, whole: true);
        return problems;
    }

    private static void Number(IConfiguration configuration, string key, double min, double max, Action<string, string> add, bool whole = false)
    {
        if (configuration[key] is not { } text)
        {
            return;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max || (whole && value != Math.Floor(value)))
        {
            add(key, $"'{text}' is not {(whole ? "a whole number" : "a number")} from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static void Boolean(IConfiguration configuration, string key, Action<string, string> add)
    {
        if (configuration[key] is { } text && !bool.TryParse(text, out _))
        {
            add(key, $"'{text}' is not true or false");
        }
    }
}
