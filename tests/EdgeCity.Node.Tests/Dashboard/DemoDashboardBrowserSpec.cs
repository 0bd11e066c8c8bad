using System.Globalization;
using EdgeCity.Node.Tests.Api;
using EdgeCity.Node.Tests.Cli;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EdgeCity.Node.Tests.Dashboard;

/// <summary>
/// The dashboard in Debian's headless Chromium against the real demo: <c>edgecity demo</c> as a child process, the SUMO
/// twin stepping, coordinators commanding it through TraCI. Nothing in the test feeds the page: every number comes from SUMO.
/// </summary>
[Collection(OperatorNodeCollection.Name)]
public sealed class DemoDashboardBrowserSpec(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    private readonly string _audit = Directory.CreateTempSubdirectory("edgecity-demo-dashboard-").FullName;

    public void Dispose() => Directory.Delete(_audit, recursive: true);

    [Fact]
    public async Task The_demo_page_shows_J1_J2_J3_and_its_SUMO_numbers_change_without_a_reload()
    {
        using var node = NodeProcess.Start(
            new Dictionary<string, string> { ["EdgeCity__Signals__AuditDirectory"] = _audit, ["EdgeCity__Dashboard__ShowFrames"] = "true" },
            "demo", "--port", "0");
        var listening = await node.WaitForOutputAsync("Now listening on: ", TimeSpan.FromSeconds(60));
        var baseUrl = listening["Now listening on: ".Length..].Trim();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) =>
        {
            // Frames of cameras whose stream is not up yet answer 404 by design; anything else is a page error.
            if (m.Type == "error" && !m.Text.Contains("404", StringComparison.Ordinal))
            {
                errors.Add(m.Text);
            }
        };

        await page.GotoAsync(baseUrl);
        await page.WaitForFunctionAsync("() => Number(document.querySelector('#live').dataset.snapshots || 0) >= 1 && document.querySelector('#sim').dataset.seconds");
        await page.EvaluateAsync("() => window.__sameDocument = true");

        // The demo's three intersections, on the map and as cards, with the phase SUMO runs.
        string[] ids = ["J1", "J2", "J3"];
        Assert.Equal(ids, await page.Locator("#map g.x").EvaluateAllAsync<string[]>("gs => gs.map(g => g.dataset.id)"));
        Assert.Equal(ids, await page.Locator(".card").EvaluateAllAsync<string[]>("cs => cs.map(c => c.dataset.intersection)"));
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.card .phase')].every(p => p.textContent !== '–')");
        Assert.Equal(12, await page.Locator("#cameras tbody tr[data-camera]").CountAsync());
        Assert.Equal(12, await page.Locator("#frames figure").CountAsync()); // frames enabled: one panel per camera

        // Live numbers from SUMO: simulated time, vehicles, and the per-approach plots grow as detector data arrives.
        var before = await ReadAsync(page);
        await page.WaitForFunctionAsync(
            "t0 => Number(document.querySelector('#sim').dataset.seconds) >= t0 + 15",
            before.SimSeconds,
            new() { Timeout = 60_000 });
        var after = await ReadAsync(page);
        output.WriteLine($"before: t {before.SimSeconds} s, '{before.Sim}', plot points {before.PlotPoints}, totals {before.Totals}");
        output.WriteLine($"after:  t {after.SimSeconds} s, '{after.Sim}', plot points {after.PlotPoints}, totals {after.Totals}");
        Assert.True(after.SimSeconds >= before.SimSeconds + 15);
        Assert.NotEqual(before.Sim, after.Sim);
        Assert.True(after.PlotPoints > before.PlotPoints, "the flow and delay plots gained samples");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");

        // A little more traffic for the screenshots (the README shows one).
        await page.WaitForFunctionAsync("() => Number(document.querySelector('#sim').dataset.seconds) >= 45", null, new() { Timeout = 60_000 });
        Directory.CreateDirectory(DashboardBrowserSpec.ScreenshotFolder);
        var laptop = Path.Combine(DashboardBrowserSpec.ScreenshotFolder, "demo-laptop.png");
        await page.ScreenshotAsync(new() { Path = laptop, FullPage = true });
        await page.SetViewportSizeAsync(2560, 1440);
        await Task.Delay(1200);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardBrowserSpec.ScreenshotFolder, "demo-wall.png") });
        output.WriteLine($"screenshots in {DashboardBrowserSpec.ScreenshotFolder}");
        Assert.Empty(errors);

        // Stop it the operator's way; how fast it stops is CliSpec's business (Dispose kills what is left, SUMO included).
        node.Signal(2);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await node.Process.WaitForExitAsync(cts.Token).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static async Task<(double SimSeconds, string Sim, int PlotPoints, string Totals)> ReadAsync(IPage page)
    {
        var seconds = double.Parse((await page.Locator("#sim").GetAttributeAsync("data-seconds"))!, CultureInfo.InvariantCulture);
        var sim = (await page.Locator("#sim").TextContentAsync())!;
        var points = await page.Locator(".card .flow-plot").EvaluateAllAsync<int[]>("cs => cs.map(c => Number(c.dataset.points || 0))");
        var totals = await page.Locator(".card .row.muted").EvaluateAllAsync<string[]>("rs => rs.map(r => r.textContent)");
        return (seconds, sim, points.Sum(), string.Join(" | ", totals));
    }
}
