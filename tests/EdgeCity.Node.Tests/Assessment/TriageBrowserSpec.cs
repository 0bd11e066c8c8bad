using System.Text.Json;
using EdgeCity.Node.Tests.Cli;
using EdgeCity.Node.Tests.Dashboard;
using EdgeCity.Testing;
using Microsoft.Playwright;

namespace EdgeCity.Node.Tests.Assessment;

/// <summary>
/// The triage page in Debian's headless Chromium against a real node running a disaster site whose inbox holds the
/// committed sample: findings on the offline map and in the list, filters, a thumbnail, marking checked, the exports.
/// </summary>
public sealed class TriageBrowserSpec : IDisposable
{
    private const string Token = "triage-token-0123456789abcdef";
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("ec-triage-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task The_sample_findings_are_mapped_filtered_shown_and_marked_checked_in_the_browser()
    {
        var site = Path.Combine(_dir.FullName, "site.json");
        File.Copy(Path.Combine(RepositoryRoot.FullName, "deploy", "sites", "disaster", "site.json"), site);
        var inbox = Directory.CreateDirectory(Path.Combine(_dir.FullName, "inbox")).FullName;
        foreach (var photo in Directory.GetFiles(Path.Combine(RepositoryRoot.FullName, "models", "testdata", "assessment"), "*.jpg"))
        {
            File.Copy(photo, Path.Combine(inbox, Path.GetFileName(photo)));
        }

        using var node = DisasterSiteNode.Start(site, _dir.FullName, new Dictionary<string, string> { ["EdgeCity__Assessment__Node"] = "box-a", ["EdgeCity__Api__Token"] = Token });
        using var http = await NodeHttp.ClientAsync(node);
        var status = await NodeHttp.UntilAsync(http, "/api/assessment/status", s => s.Contains("\"assessed\":4", StringComparison.Ordinal), node, "the sample was not assessed", seconds: 120);
        var findings = JsonDocument.Parse(await http.GetStringAsync("/api/findings")).RootElement.GetProperty("findings").EnumerateArray().ToList();
        var people = findings.Count(f => f.GetProperty("kind").GetString() == "person");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Args = DashboardBrowserSpec.ChromiumArgs });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1500, Height = 950 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync(new Uri(http.BaseAddress!, "/triage").ToString());

        // Every finding is listed, and every one (all have a position) is drawn on the map.
        await page.WaitForFunctionAsync("n => document.querySelectorAll('#findings tbody tr').length === n", findings.Count);
        Assert.Equal(findings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#map").GetAttributeAsync("data-drawn"));
        Assert.Equal(findings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#count").TextContentAsync());

        // Filters: vehicles off leaves the people; a confidence floor above every score leaves none.
        await page.Locator("#filters input[value=vehicle]").UncheckAsync();
        await page.WaitForFunctionAsync("n => document.querySelectorAll('#findings tbody tr').length === n", people);
        await page.Locator("#filters input[value=vehicle]").CheckAsync();
        await page.Locator("#min-confidence").FillAsync("1");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#findings tbody tr').length === 0");
        await page.Locator("#min-confidence").FillAsync("0");

        // A finding's detail: its thumbnail (faces blurred on the box) loads; marking it checked with the token sticks.
        var row = page.Locator("#findings tbody tr").First;
        var id = await row.GetAttributeAsync("data-finding");
        await row.ClickAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('#thumb'); return i.complete && i.naturalWidth > 0; }");
        await page.Locator("#token").FillAsync(Token);
        await page.Locator("#check").ClickAsync();
        await page.WaitForFunctionAsync("id => document.querySelector(`#findings tr[data-finding='${id}']`)?.classList.contains('checked')", id);
        var marked = JsonDocument.Parse(await http.GetStringAsync($"/api/findings/{id}")).RootElement;
        Assert.Equal("operator", marked.GetProperty("checkedBy").GetString());

        // The detail reads times in the site's zone (Bern: Europe/Zurich); the API keeps UTC.
        var checkedAt = marked.GetProperty("checkedAt").GetDateTimeOffset();
        var local = TimeZoneInfo.ConvertTime(checkedAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich"));
        await page.WaitForFunctionAsync(
            "text => [...document.querySelectorAll('#detail-fields dd')].some(d => d.textContent === text)",
            $"{local:yyyy-MM-dd HH:mm:ss} Europe/Zurich by operator");

        // The exports the page links to are the findings as GeoJSON, CSV and KML.
        var geojson = await page.EvaluateAsync<string>("async () => await (await fetch(document.querySelector('#export-geojson').href)).text()");
        Assert.Equal(findings.Count, JsonDocument.Parse(geojson).RootElement.GetProperty("features").GetArrayLength());
        var csv = await page.EvaluateAsync<string>("async () => await (await fetch(document.querySelector('#export-csv').href)).text()");
        Assert.StartsWith("id,kind,label,confidence,latitude,longitude", csv, StringComparison.Ordinal);

        Directory.CreateDirectory(DashboardBrowserSpec.ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardBrowserSpec.ScreenshotFolder, "triage.png"), FullPage = true });
        Assert.Empty(errors);
        Assert.NotEmpty(status);
    }
}
