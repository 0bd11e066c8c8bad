using System.Globalization;
using System.Net;
using EdgeCity.Actors.Assessment;
using EdgeCity.Node.Api;

namespace EdgeCity.Node.Web.Triage;

/// <summary>
/// The triage page of a disaster site's box at <c>/triage</c>: findings on a map drawn from their coordinates on a
/// plain projected canvas (no internet tiles: it works offline), filters by kind and confidence, a finding's thumbnail
/// and details, marking it checked, and the exports. Plain HTML, CSS and JS embedded in the node.
/// </summary>
public static class TriageEndpoints
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["triage.js"] = "text/javascript; charset=utf-8",
        ["triage.css"] = "text/css; charset=utf-8",
    };

    public static void MapTriagePage(this WebApplication app, AssessmentSetup setup)
    {
        var (site, _) = OperatorSite.Of(app.Services);
        var area = site?.Assessment?.Area;
        var page = Asset("triage.html")
            .Replace("{{SITE}}", WebUtility.HtmlEncode(site?.Name ?? "no site"), StringComparison.Ordinal)
            .Replace("{{ZONE}}", WebUtility.HtmlEncode(site?.TimeZone ?? "UTC"), StringComparison.Ordinal)
            .Replace("{{NODE}}", WebUtility.HtmlEncode(setup.Replication.Node), StringComparison.Ordinal)
            .Replace("{{AREA}}", area is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{area.South},{area.West},{area.North},{area.East}"), StringComparison.Ordinal);
        app.MapGet("/triage", () => Results.Content(page, "text/html; charset=utf-8"));
        app.MapGet("/triage/{file}", (string file) =>
            ContentTypes.TryGetValue(file, out var type) ? Results.Content(Asset(file), type) : Results.NotFound());
    }

    private static string Asset(string name) => EmbeddedAsset.Read("EdgeCity.Triage." + name);
}
