namespace EdgeCity.Node.Hosting;

/// <summary>Where this node keeps its audit records (signal decisions, API changes): <c>EdgeCity:Signals:AuditDirectory</c>, or a folder per mode under the temp folder.</summary>
public static class AuditFolder
{
    public static string Of(NodeLaunch launch, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(launch);
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration["EdgeCity:Signals:AuditDirectory"] is { Length: > 0 } dir
            ? dir
            : Path.Combine(Path.GetTempPath(), "edgecity-audit", launch.Mode);
    }
}
