using System.Net;

namespace EdgeCity.Node.Api;

/// <summary>
/// What the site allows a camera added through the API to read, from <c>EdgeCity:Api:CameraSources</c>: <c>Hosts</c>
/// (stream hosts: a name, <c>.suffix</c> for a domain, or an IP network in CIDR such as <c>10.20.0.0/16</c>; empty
/// means any host), <c>Files</c> and <c>Devices</c> (whether local video files and <c>/dev/videoN</c> devices may be
/// named; both true by default). A box in the field lists its camera network and turns files off.
/// </summary>
public sealed record CameraSourcePolicy(IReadOnlyList<string> Hosts, bool Files, bool Devices)
{
    public const string Section = "EdgeCity:Api:CameraSources";

    public static readonly CameraSourcePolicy Open = new([], Files: true, Devices: true);

    public static CameraSourcePolicy From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var hosts = section.GetSection("Hosts").GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        return new CameraSourcePolicy(hosts, section.GetValue("Files", true), section.GetValue("Devices", true));
    }

    /// <summary>Whether a stream's host is one the site allows.</summary>
    public bool AllowsHost(string host)
    {
        if (Hosts.Count == 0)
        {
            return true;
        }

        var address = IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? ip : null;
        return Hosts.Any(h =>
            h.Contains('/', StringComparison.Ordinal)
                ? address is not null && IPNetwork.TryParse(h, out var network) && network.Contains(address)
                : h.StartsWith('.') ? host.EndsWith(h, StringComparison.OrdinalIgnoreCase) : string.Equals(host, h, StringComparison.OrdinalIgnoreCase));
    }
}
