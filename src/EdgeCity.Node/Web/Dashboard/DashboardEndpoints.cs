using System.Net;
using EdgeCity.Node.Api;
using EdgeCity.Node.Hosting;

namespace EdgeCity.Node.Web.Dashboard;

/// <summary>
/// Serves the live dashboard at <c>/</c> (plain HTML, CSS and JS embedded in the node: nothing is fetched from the
/// internet) and keeps the old start page at <c>/about</c>. Frames are never shown: see <see cref="ShowFramesKey"/>.
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>
    /// Would show camera frames with faces and plates blurred. Not implemented in this build: the dashboard shows
    /// measurements only, whatever this says, and the node logs a warning when it is set to true.
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
        if (showFrames)
        {
            app.Logger.LogWarning("{Key} is true but this build shows no frames on the dashboard (blurring faces and plates is not implemented); measurements only.", ShowFramesKey);
        }

        var frames = showFrames
            ? "Frames: requested, but this build shows none (face and plate blurring not implemented)."
            : $"Frames: off ({ShowFramesKey}); only measurements leave the cameras.";
        var index = Asset("index.html")
            .Replace("{{MODE}}", WebUtility.HtmlEncode(launch.Mode), StringComparison.Ordinal)
            .Replace("{{SITE}}", WebUtility.HtmlEncode(launch.Site?.Name ?? "no site"), StringComparison.Ordinal)
            .Replace("{{FRAMES}}", WebUtility.HtmlEncode(frames), StringComparison.Ordinal);

        app.MapGet("/", () => Results.Content(index, "text/html; charset=utf-8"));
        app.MapGet("/dashboard/{file}", (string file) =>
            ContentTypes.TryGetValue(file, out var type) ? Results.Content(Asset(file), type) : Results.NotFound());
    }

    private static string Asset(string name)
    {
        using var stream = typeof(DashboardEndpoints).Assembly.GetManifestResourceStream("EdgeCity.Dashboard." + name)
            ?? throw new InvalidOperationException($"Dashboard asset {name} is not embedded in the node assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
