using System.Net.Http.Json;
using System.Text.Json;
using EdgeCity.Node.Tests.Api;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EdgeCity.Node.Tests.Dashboard;

/// <summary>The dashboard in Debian's headless Chromium, driven by Playwright, against a node running the demo site.</summary>
[Collection(OperatorNodeCollection.Name)]
public sealed class DashboardBrowserSpec(ITestOutputHelper output)
{
    public static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task The_page_shows_the_demo_intersections_and_its_numbers_change_live_without_a_reload()
    {
        await using var node = await OperatorNode.StartAsync();
        await node.StartCoordinatorsAsync();
        using var stop = new CancellationTokenSource();
        var step = 0;
        var driver = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                node.Measure(step++);
                await Task.Delay(500);
            }
        });
        for (var warm = 0; warm < 6; warm++)
        {
            await Task.Delay(500); // some history for the plots before the page opens
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        await page.GotoAsync(node.BaseUrl);
        await page.WaitForFunctionAsync("() => Number(document.querySelector('#live').dataset.snapshots || 0) >= 1");

        // The intersections are on the map and have a card each, with a phase from their coordinator.
        var ids = node.Site.Intersections.Select(x => x.Id).ToList();
        Assert.Equal(ids, await page.Locator("#map g.x").EvaluateAllAsync<string[]>("gs => gs.map(g => g.dataset.id)"));
        Assert.Equal(ids, await page.Locator(".card").EvaluateAllAsync<string[]>("cs => cs.map(c => c.dataset.intersection)"));
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.card .phase')].every(p => p.textContent !== '–')");
        Assert.Equal("1/1 up", await page.Locator("#cluster-health").TextContentAsync());
        Assert.Equal(node.Site.Cameras.Count, await page.Locator("#cameras tbody tr[data-camera]").CountAsync());
        Assert.True(await page.Locator("#map polyline.queue[points*=',']").CountAsync() > 0, "queues are drawn on the map");

        // The alarm list shows what the API lists as active (an intersection on its fallback, a camera down).
        await page.WaitForFunctionAsync(
            """
            async () => {
              const api = await (await fetch('/api/alarms')).json();
              const shown = [...document.querySelectorAll('#alarms tbody tr')].map(r => r.dataset.alarm).sort().join();
              return shown === api.active.map(a => a.id).sort().join() && document.querySelector('#alarm-count').textContent === String(api.active.length);
            }
            """);

        // Its numbers change as the measurements come in, on the same page (no reload).
        var firstSnapshots = int.Parse((await page.Locator("#live").GetAttributeAsync("data-snapshots"))!);
        var before = await QueueTotalsAsync(page);
        await page.EvaluateAsync("() => window.__sameDocument = true");
        await page.WaitForFunctionAsync(
            "before => [...document.querySelectorAll('.card .queue-total')].map(e => e.textContent).join('|') !== before",
            string.Join("|", before));
        var after = await QueueTotalsAsync(page);
        output.WriteLine($"queue totals before {string.Join(", ", before)}; after {string.Join(", ", after)}");
        Assert.NotEqual(before, after);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"));
        Assert.True(int.Parse((await page.Locator("#live").GetAttributeAsync("data-snapshots"))!) > firstSnapshots);

        Directory.CreateDirectory(ScreenshotFolder);
        await Task.Delay(1500);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "dashboard-laptop.png"), FullPage = true });
        await page.SetViewportSizeAsync(2560, 1440);
        await Task.Delay(1200);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "dashboard-wall.png") });
        output.WriteLine($"screenshots in {ScreenshotFolder}");
        Assert.Empty(errors);

        await stop.CancelAsync();
        await driver;
    }

    [Fact]
    public async Task The_page_names_phases_and_approaches_for_an_operator_and_reads_times_in_the_sites_time_zone()
    {
        // India keeps +05:30 all year, so the expected clock does not depend on the date the spec runs.
        await using var node = await OperatorNode.StartAdaptedAsync(site => site with { TimeZone = "Asia/Kolkata" });
        await node.StartCoordinatorsAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(node.BaseUrl);
        await page.WaitForFunctionAsync(
            "n => document.querySelectorAll('.card').length === n && [...document.querySelectorAll('.card .phase')].every(p => p.textContent !== '–')",
            node.Site.Intersections.Count);

        // Each card's legend lists the intersection's phases by name in the colours the disc and timeline use, and the
        // running phase is named as the API names it.
        var map = await node.Http.GetFromJsonAsync<JsonElement>("/api/map");
        Assert.Empty(errors);
        foreach (var x in map.GetProperty("intersections").EnumerateArray())
        {
            var id = x.GetProperty("id").GetString()!;
            var card = page.Locator($".card[data-intersection='{id}']");
            var names = x.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToArray();
            Assert.NotEmpty(names);
            Assert.Equal(names, await card.Locator(".phase-legend .item").EvaluateAllAsync<string[]>("items => items.map(i => i.textContent)"));
            var colours = await card.Locator(".phase-legend .sw").EvaluateAllAsync<string[]>("s => s.map(e => e.style.background)");
            Assert.Equal(colours.Length, colours.Distinct().Count());
            var labels = x.GetProperty("approaches").EnumerateArray().Select(a => a.GetProperty("label").GetString()!).Order().ToArray();
            Assert.Equal(labels, (await page.Locator($"#map g.x[data-id='{id}'] text.approach").AllTextContentsAsync()).Order().ToArray());
        }

        var j1 = await OperatorApiSpec.WaitForAsync(node, "/api/intersections/J1?audit=0", v => v.GetProperty("phaseName").ValueKind == JsonValueKind.String);
        await page.WaitForFunctionAsync("() => document.querySelector(\".card[data-intersection='J1'] .phase\").textContent.includes('(')");
        var shown = await page.Locator(".card[data-intersection='J1'] .phase").TextContentAsync();
        output.WriteLine($"J1 shows '{shown}', the API says {j1.GetProperty("phaseName").GetString()}");
        Assert.Matches(@"^.+ \(p\d+\)( \(changing\))?$", shown);

        // The header clock and the alarm list read in the site's zone (the API stays in UTC).
        var clock = (await page.Locator("#clock").TextContentAsync())!;
        Assert.EndsWith(" Asia/Kolkata", clock, StringComparison.Ordinal);
        var read = DateTime.ParseExact(clock[..19], "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var kolkata = DateTime.UtcNow.AddHours(5.5);
        Assert.True(Math.Abs((kolkata - read).TotalMinutes) < 2, $"clock {clock} against {kolkata:HH:mm:ss} in Kolkata");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#alarms tbody tr').length > 0");
        var rows = await page.Locator("#alarms tbody tr").EvaluateAllAsync<string[][]>(
            "rs => rs.map(r => [r.dataset.alarm, r.cells[0].textContent, r.cells[2].querySelector('pre')?.textContent ?? r.cells[2].textContent, r.cells[2].querySelector('summary')?.textContent ?? ''])");
        var listed = await node.Http.GetFromJsonAsync<JsonElement>("/api/alarms");
        var alarms = listed.GetProperty("active").EnumerateArray().Concat(listed.GetProperty("recent").EnumerateArray())
            .GroupBy(a => a.GetProperty("id").GetString()!).ToDictionary(g => g.Key, g => g.First());
        Assert.Contains(rows, r => alarms.ContainsKey(r[0]));
        foreach (var row in rows.Where(r => alarms.ContainsKey(r[0])))
        {
            var alarm = alarms[row[0]];
            var since = alarm.GetProperty("since").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(5.5));
            Assert.Equal(since.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), row[1]);
            Assert.Equal(alarm.GetProperty("reason").GetString(), row[2]); // the raw reason, whole, one click away
            Assert.True(row[3].Length <= 61, $"short reason '{row[3]}'");
        }

        Assert.Empty(errors);
    }

    private static async Task<string[]> QueueTotalsAsync(IPage page) =>
        await page.Locator(".card .queue-total").EvaluateAllAsync<string[]>("es => es.map(e => e.textContent)");
}
