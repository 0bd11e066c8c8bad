using EdgeCity.Node.Tests.Cli;
using EdgeCity.Testing;

namespace EdgeCity.Node.Tests.Assessment;

/// <summary>Starts <c>run --site</c> for a disaster site as its own process: free ports, the shipped models on the CPU, audit in <paramref name="folder"/>.</summary>
internal static class DisasterSiteNode
{
    public static NodeProcess Start(string site, string folder, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["EdgeCity__Http__Urls"] = "http://127.0.0.1:0",
            ["EdgeCity__Cluster__Port"] = "0",
            ["EdgeCity__Cameras__ModelsDirectory"] = Path.Combine(RepositoryRoot.FullName, "models"),
            ["EdgeCity__Cameras__Providers__0"] = "cpu",
            ["EdgeCity__Signals__AuditDirectory"] = Path.Combine(folder, "audit"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return NodeProcess.Start(environment, "run", "--site", site);
    }
}
