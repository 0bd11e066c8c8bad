namespace EdgeCity.Node.Hosting;

/// <summary>Where a configuration key's value came from, in words an operator can act on (a file, an environment variable, the command line).</summary>
public static class ConfigurationSource
{
    /// <summary>The configuration source that set the key last (the one that wins), in words.</summary>
    public static string Of(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return "configuration";
        }

        foreach (var provider in root.Providers.Reverse())
        {
            if (provider.TryGet(key, out _))
            {
                return provider switch
                {
                    Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider json => $"file {json.Source.Path}",
                    Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationProvider => $"environment variable {key.Replace(":", "__", StringComparison.Ordinal)}",
                    Microsoft.Extensions.Configuration.CommandLine.CommandLineConfigurationProvider => $"command line --{key}",
                    _ => provider.ToString() ?? "configuration",
                };
            }
        }

        return "defaults";
    }
}
