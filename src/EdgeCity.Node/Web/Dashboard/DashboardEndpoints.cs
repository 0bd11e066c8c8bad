using System.Net;
using EdgeCity.Node.Api;
using EdgeCity.Node.Hosting;

namespace EdgeCity.Node.Web.Dashboard;

/// <summary>
/// Serves the live dashboard at <c>/</c> (plain HTML, CSS and JS embedded in the node: nothing is fetched from the
/// internet) and keeps the old start page at <c>/about</c>. Camera frames only with <see cref="ShowFramesKey"/>.
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>
    /// True shows each camera's newest frame (faces and plates blurred, see <see cref="Api.CameraFrameEndpoint"/>);
    /// false (the default) keeps every frame inside the pipeline: no frame panel, and the frame endpoint answers 404.
    /// </summary>
    public const string ShowFramesKey = "EdgeCity:Dashboard:ShowFrames";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["app.js"] = "text/javascript; charset=utf-8",
        ["style.css"] = "text/css; charset=utf-8",
    };

    public static void MapDashboard(this WebApplication app)
    {
        OperatorViewHosting.Attach(app);
        var launch = app.Services.GetRequiredService<NodeLaunch>();
        var showFrames = app.Configuration.GetValue<bool>(ShowFramesKey);
        var frames = showFrames
            ? $"Frames: on ({ShowFramesKey}), faces and plates blurred before they leave the pipeline."
            : $"Frames: off ({ShowFramesKey}); only measurements leave the cameras.";
        var index = Asset("index.html")
            .Replace("{{MODE}}", WebUtility.HtmlEncode(launch.Mode), StringComparison.Ordinal)
            .Replace("{{SITE}}", WebUtility.HtmlEncode((OperatorSite.Of(app.Services).Site?.Name ?? "no site")), StringComparison.Ordinal)
            .Replace("{{FRAMES}}", WebUtility.HtmlEncode(frames), StringComparison.Ordinal)
            .Replace("{{SHOW_FRAMES}}", showFrames ? "on" : "off", StringComparison.Ordinal);

        app.MapGet("/", () => Results.Content(index, "text/html; charset=utf-8"));
        app.MapGet("/dashboard/{file}", (string file) =>
            ContentTypes.TryGetValue(file, out var type) ? Results.Content(Asset(file), type) : Results.NotFound());
    }

    private static string Asset(string name) => EmbeddedAsset.Read("EdgeCity.Dashboard." + name);
}
