using EdgeCity.Node.Hosting;

namespace EdgeCity.Node.Web;

/// <summary>Liveness and readiness probes for k3s, Docker and operators.</summary>
public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this WebApplication app)
    {
        // Liveness only says the process answers: restarting a box because its cluster is unreachable would make things worse.
        app.MapGet("/healthz/live", () => Results.Text("live\n"));
        app.MapGet("/healthz/ready", (NodeReadiness readiness) =>
            readiness.NotReadyReason() is { } reason
                ? Results.Text($"not ready: {reason}\n", statusCode: StatusCodes.Status503ServiceUnavailable)
                : Results.Text("ready\n"));
    }
}
