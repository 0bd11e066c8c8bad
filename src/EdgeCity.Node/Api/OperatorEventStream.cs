using System.Text.Json;
using Akka.Actor;
using EdgeCity.Node.Hosting;

namespace EdgeCity.Node.Api;

/// <summary>
/// <c>GET /api/events</c>: Server-Sent Events, one <c>snapshot</c> event when something changed (checked twice a
/// second) and at least every 5 s, so the page shows live state with no reload and notices a dead node.
/// </summary>
public static class OperatorEventStream
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync(HttpContext http, OperatorView view, ActorSystem system)
    {
        var response = http.Response;
        response.Headers.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var ct = http.RequestAborted;
        var live = http.RequestServices.GetService<LiveSignals>();
        long sent = -1;
        var lastSend = DateTimeOffset.MinValue;
        try
        {
            await response.WriteAsync("retry: 2000\n\n", ct);
            while (!ct.IsCancellationRequested)
            {
                var version = view.Version;
                var now = view.Now;
                if (version != sent || now - lastSend > TimeSpan.FromSeconds(5))
                {
                    var snapshot = new OperatorSnapshot(now, version, view.Intersections(withTimeline: true), view.Cameras(), ClusterView.Of(system), SimulationSnapshot.Of(live), view.Alarms.Active());
                    await response.WriteAsync($"event: snapshot\ndata: {JsonSerializer.Serialize(snapshot, Json)}\n\n", ct);
                    await response.Body.FlushAsync(ct);
                    (sent, lastSend) = (version, now);
                }

                await Task.Delay(500, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The browser went away: nothing to clean up.
        }
    }
}
