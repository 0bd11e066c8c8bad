using System.Net;
using System.Text;
using Akka.Actor;
using EdgeCity.Domain.Sites;
using EdgeCity.Node.Api;
using EdgeCity.Node.Hosting;

namespace EdgeCity.Node.Web;

/// <summary>The page at <c>/about</c> (the dashboard has <c>/</c>): what this node runs, its cluster, its site, and where to look next.</summary>
public static class StartPage
{
    public static void MapStartPage(this WebApplication app) =>
        app.MapGet("/about", (NodeLaunch launch, NodeReadiness readiness, ActorSystem system, LiveSignals signals, IServiceProvider services) =>
            Results.Content(Render(launch, OperatorSite.Of(services), readiness, system, signals), "text/html; charset=utf-8"));

    // The site is the operator view's: the launched one, or in the demo the demo loop's (the launch carries none there).
    private static string Render(NodeLaunch launch, (SiteDefinition? Site, string? Path) shown, NodeReadiness readiness, ActorSystem system, LiveSignals signals)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var cluster = Akka.Cluster.Cluster.Get(system);
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>EdgeCity node</title>")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta http-equiv=\"refresh\" content=\"2\">")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}td,th{padding:.2rem .8rem;text-align:left}</style></head><body>")
            .Append("<h1>EdgeCity node</h1>")
            .Append($"<p>Mode: <b>{E(launch.Mode)}</b> · status: <b id=\"ready\">{E(readiness.NotReadyReason() ?? "ready")}</b></p>")
            .Append($"<p>Actor system <code>{E(cluster.SelfAddress.ToString())}</code>, roles {E(string.Join(", ", cluster.SelfRoles))}.</p>")
            .Append("<h2>Cluster members</h2><table><tr><th>address</th><th>status</th><th>roles</th></tr>");
        foreach (var m in cluster.State.Members)
        {
            html.Append($"<tr><td>{E(m.Address.ToString())}</td><td>{m.Status}</td><td>{E(string.Join(", ", m.Roles))}</td></tr>");
        }

        html.Append("</table><h2>Site</h2>");
        if (shown.Site is { } site)
        {
            html.Append($"<p>{E(site.Name)} from <code>{E(shown.Path ?? "embedded")}</code>: {site.Intersections.Count} intersections, {site.Cameras.Count} cameras.</p><ul>");
            foreach (var x in site.Intersections)
            {
                html.Append($"<li>{E(x.Id)} {E(x.Name ?? string.Empty)}: controller {E(x.Controller)}, {x.Approaches.Count} approaches</li>");
            }

            html.Append("</ul>");
        }
        else
        {
            html.Append("<p>No site loaded.</p>");
        }

        AppendSignals(html, signals);
        html.Append("<h2>Endpoints</h2><ul><li><a href=\"/metrics\">/metrics</a> (Prometheus)</li>")
            .Append("<li><a href=\"/healthz/live\">/healthz/live</a></li><li><a href=\"/healthz/ready\">/healthz/ready</a></li></ul></body></html>");
        return html.ToString();
    }

    private static void AppendSignals(StringBuilder html, LiveSignals signals)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        html.Append("<h2>Signal control</h2>").Append(inv, $"<p>{E(signals.Source)}</p>");
        if (signals.SimulationSeconds > 0)
        {
            html.Append(inv, $"<p>Simulation time <b id=\"sim-time\">{signals.SimulationSeconds:0} s</b> · vehicles in the network <b>{signals.Vehicles}</b> · trips completed <b>{signals.TripsArrived}</b> · mean delay so far of vehicles on the road <b id=\"delay\">{signals.MeanTimeLossSeconds:0.0} s</b></p>");
        }

        AppendCameras(html, signals);
        if (signals.Intersections.IsEmpty)
        {
            return;
        }

        html.Append("<table><tr><th>intersection</th><th>controller</th><th>phase</th><th>queue (veh)</th><th>vehicles counted</th></tr>");
        foreach (var x in signals.Intersections.Values.OrderBy(x => x.Id, StringComparer.Ordinal))
        {
            html.Append(inv, $"<tr><td>{E(x.Id)}</td><td>{E(x.Controller)}</td><td>{E(x.Phase)}{(x.InTransition ? " (changing)" : string.Empty)}</td><td>{x.QueueVehicles:0}</td><td>{x.VehiclesCounted}</td></tr>");
        }

        html.Append("</table>");
    }

    private static void AppendCameras(StringBuilder html, LiveSignals signals)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        if (signals.Cameras.IsEmpty)
        {
            return;
        }

        var inv = System.Globalization.CultureInfo.InvariantCulture;
        html.Append("<h3>Cameras measuring for the coordinators</h3><table id=\"cameras\"><tr><th>camera</th><th>intersection / approach</th><th>state</th>")
            .Append("<th>frames inferred</th><th>detections</th><th>vehicles counted</th><th>queue (m)</th><th>flow (veh/h)</th><th>observations sent</th></tr>");
        foreach (var c in signals.Cameras.Values.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            lock (c)
            {
                html.Append(inv, $"<tr><td>{E(c.Id)}</td><td>{E(c.Intersection)} / {E(c.Approach)}</td><td>{E(c.State)}</td><td>{c.FramesAnalysed}</td><td>{c.Detections}</td>")
                    .Append(inv, $"<td>{c.VehiclesCounted}</td><td>{(c.QueueBeyondView ? "≥ " : string.Empty)}{c.QueueMeters:0}</td><td>{c.FlowVehiclesPerHour:0}</td><td>{c.Observations}</td></tr>");
            }
        }

        html.Append("</table>");
    }
}
