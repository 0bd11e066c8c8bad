using EdgeCity.Actors.Cameras;
using EdgeCity.Vision.Inference;

namespace EdgeCity.Node.Hosting;

/// <summary>
/// Checks <c>EdgeCity:Cameras</c> at start-up, so a bad value stops the node with the key, the problem and where the
/// value came from (file, environment, command line), instead of failing later inside an actor with a bare
/// <c>Enum.Parse</c> error that names neither.
/// </summary>
public static class CameraOptionsCheck
{
    public const string Section = "EdgeCity:Cameras";

    /// <summary>Every problem as "key: what is wrong (set in source)"; empty when the options are valid.</summary>
    public static IReadOnlyList<string> Problems(CameraPipelineOptions options, IConfiguration configuration)
    {
        var problems = new List<string>();
        void Add(string key, string what) => problems.Add($"{Section}:{key}: {what} (set in {ConfigurationSource.Of(configuration, $"{Section}:{key}")})");

        var known = Enum.GetNames<ExecutionProvider>().Select(n => n.ToLowerInvariant()).ToList();
        for (var i = 0; i < options.Providers.Count; i++)
        {
            var name = options.Providers[i].Replace("-", string.Empty, StringComparison.Ordinal);
            if (!Enum.TryParse<ExecutionProvider>(name, ignoreCase: true, out _) || int.TryParse(name, out _))
            {
                Add($"Providers:{i}", $"'{options.Providers[i]}' is not an execution provider (known: {string.Join(", ", known)})");
            }
        }

        if (options.IntraOpThreads is < 1 or > 64)
        {
            Add("IntraOpThreads", $"must be 1 to 64, was {options.IntraOpThreads}");
        }

        if (options.MaxBatch is < 1 or > 256)
        {
            Add("MaxBatch", $"must be 1 to 256, was {options.MaxBatch}");
        }

        if (options.MaxBatchWaitMs is < 0 or > 1000)
        {
            Add("MaxBatchWaitMs", $"must be 0 to 1000 ms, was {options.MaxBatchWaitMs}");
        }

        foreach (var (key, value) in new[] { ("OpenTimeoutSeconds", options.OpenTimeoutSeconds), ("ReadTimeoutSeconds", options.ReadTimeoutSeconds), ("BackoffInitialSeconds", options.BackoffInitialSeconds) })
        {
            if (!(value > 0) || value > 3600)
            {
                Add(key, $"must be above 0 and at most 3600 s, was {value}");
            }
        }

        if (!(options.WatchdogSeconds > options.ReadTimeoutSeconds))
        {
            Add("WatchdogSeconds", $"must be above ReadTimeoutSeconds ({options.ReadTimeoutSeconds} s), was {options.WatchdogSeconds}");
        }

        if (!(options.BackoffMaxSeconds >= options.BackoffInitialSeconds))
        {
            Add("BackoffMaxSeconds", $"must be at least BackoffInitialSeconds ({options.BackoffInitialSeconds} s), was {options.BackoffMaxSeconds}");
        }

        return problems;
    }
}
