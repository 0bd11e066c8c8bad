using EdgeCity.Node.Cli;
using Prometheus;

// Only metrics with Prometheus-conventional names are exported: EdgeCity's own, HTTP and the process's. The .NET
// runtime's event counters and meters (msquic internals, system_runtime_dotnet_* without units) and prometheus-net's
// debug metrics are not, before any metric exists.
Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions
{
    SuppressEventCounters = true,
    SuppressMeters = true,
    SuppressDebugMetrics = true,
    SuppressProcessMetrics = false,
});

return await EdgeCityCli.InvokeAsync(args);
