using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EdgeCity.Node.Tests.Dashboard;
using EdgeCity.Testing;
using Microsoft.Playwright;

namespace EdgeCity.Node.Tests.Cli;

/// <summary>
/// <c>edgecity models review</c> on a copy of the hand-boxed CCTV frames: the API a person's page uses (frames, boxes in
/// pixels, a save written back in YOLO txt, a bad save refused naming what is wrong) and the page itself in Debian's
/// headless Chromium (draw a box, delete one, save).
/// </summary>
public sealed class ModelsReviewSpec : IDisposable
{
    private const string Frame = "motorway-cctv-f085";
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("ec-review-");

    public ModelsReviewSpec()
    {
        var source = Path.Combine(RepositoryRoot.FullName, "models", "testdata", "real-boxes-cctv");
        foreach (var sub in new[] { "images", "labels" })
        {
            Directory.CreateDirectory(Path.Combine(_dir.FullName, sub));
            foreach (var f in Directory.GetFiles(Path.Combine(source, sub)))
            {
                File.Copy(f, Path.Combine(_dir.FullName, sub, Path.GetFileName(f)));
            }
        }

        File.WriteAllLines(Path.Combine(_dir.FullName, "review.txt"), ["# check these first", "motorway-cctv-f490"]);
    }

    private string LabelFile => Path.Combine(_dir.FullName, "labels", Frame + ".txt");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task The_api_lists_listed_frames_first_gives_boxes_in_pixels_and_saves_a_checked_frame_in_yolo_txt()
    {
        using var node = NodeProcess.Start("models", "review", "--labels", _dir.FullName, "--classes", "car,truck", "--urls", "http://127.0.0.1:0");
        using var http = await ClientAsync(node);

        using var list = JsonDocument.Parse(await http.GetStringAsync("/api/frames"));
        var frames = list.RootElement.GetProperty("frames").EnumerateArray().ToList();
        Assert.Equal(["motorway-cctv-f490", Frame], frames.Select(f => f.GetProperty("name").GetString()));
        Assert.True(frames[0].GetProperty("listed").GetBoolean());
        Assert.Equal(11, frames[1].GetProperty("boxes").GetInt32());

        using var labels = JsonDocument.Parse(await http.GetStringAsync($"/api/frames/{Frame}/labels"));
        Assert.Equal(320, labels.RootElement.GetProperty("width").GetInt32());
        var first = labels.RootElement.GetProperty("boxes")[0];
        Assert.Equal("car", first.GetProperty("class").GetString());
        Assert.Equal(41f, first.GetProperty("left").GetSingle(), 1); // the hand box's left edge, in pixels

        // A bad save names each wrong field and leaves the file as it was.
        var before = await File.ReadAllTextAsync(LabelFile);
        var bad = await http.PutAsJsonAsync($"/api/frames/{Frame}/labels", new { boxes = new[] { new { @class = "bus", left = 10, top = 10, right = 400, bottom = 20 } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("boxes[0].class", problem, StringComparison.Ordinal);
        Assert.Contains("boxes[0].right", problem, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(LabelFile));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/frames/..%2F..%2Fetc/labels")).StatusCode);

        // A good save: YOLO txt in the folder's class order, and the frame recorded as reviewed.
        var good = await http.PutAsJsonAsync($"/api/frames/{Frame}/labels", new { boxes = new[] { new { @class = "truck", left = 32, top = 24, right = 96, bottom = 72 } } });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(["1 0.2 0.2 0.2 0.2"], await File.ReadAllLinesAsync(LabelFile));
        Assert.Equal([Frame], await File.ReadAllLinesAsync(Path.Combine(_dir.FullName, "reviewed.txt")));
    }

    [Fact]
    public async Task A_label_file_it_cannot_read_is_named_by_line_and_a_save_replaces_it()
    {
        await File.AppendAllTextAsync(LabelFile, "car 0.5 0.5 0.1 0.1\n");
        using var node = NodeProcess.Start("models", "review", "--labels", _dir.FullName, "--classes", "car,truck", "--urls", "http://127.0.0.1:0");
        using var http = await ClientAsync(node);

        var read = await http.GetAsync($"/api/frames/{Frame}/labels");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, read.StatusCode);
        Assert.Contains($"{Frame}.txt:12: expected 'class cx cy w h'", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var save = await http.PutAsJsonAsync($"/api/frames/{Frame}/labels", new { boxes = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        Assert.Empty(await File.ReadAllLinesAsync(LabelFile));
    }

    [Fact]
    public async Task In_the_browser_a_person_draws_a_missed_vehicle_deletes_a_wrong_box_and_saves()
    {
        using var node = NodeProcess.Start("models", "review", "--labels", _dir.FullName, "--classes", "car,truck", "--urls", "http://127.0.0.1:0");
        using var http = await ClientAsync(node);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Args = DashboardBrowserSpec.ChromiumArgs });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1500, Height = 1000 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(http.BaseAddress!.ToString());

        // The listed frame opens first; go to the other one.
        await page.WaitForFunctionAsync("() => document.querySelector('#view').dataset.frame === 'motorway-cctv-f490'");
        await page.Locator($"#frames li[data-name='{Frame}']").ClickAsync();
        await page.WaitForFunctionAsync($"() => document.querySelector('#view').dataset.frame === '{Frame}' && document.querySelector('#view').dataset.boxes === '11'");

        // Draw a truck in an empty corner (image pixels 250-300 x 200-235; the page shows the 320 px frame 3x).
        await page.Locator("#cls").SelectOptionAsync("truck");
        var canvas = (await page.Locator("#view").BoundingBoxAsync())!;
        var scale = canvas.Width / 320;
        await page.Mouse.MoveAsync(canvas.X + (250 * scale), canvas.Y + (200 * scale));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(canvas.X + (275 * scale), canvas.Y + (220 * scale), new() { Steps = 5 });
        await page.Mouse.MoveAsync(canvas.X + (300 * scale), canvas.Y + (235 * scale), new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#view').dataset.boxes === '12'");

        // Select the first hand box (car at 41-77 x 94-118) by clicking inside it and delete it; save with the key.
        await page.Mouse.ClickAsync(canvas.X + (59 * scale), canvas.Y + (106 * scale));
        await page.WaitForFunctionAsync("() => document.querySelector('#view').dataset.selected === '0'");
        await page.Keyboard.PressAsync("d");
        await page.Keyboard.PressAsync("s");
        await page.WaitForFunctionAsync($"() => document.querySelector(\"#frames li[data-name='{Frame}']\").classList.contains('reviewed')");

        var lines = await File.ReadAllLinesAsync(LabelFile);
        Assert.Equal(11, lines.Length);
        var truck = Assert.Single(lines, l => l.StartsWith("1 ", StringComparison.Ordinal) && Box(l).Left > 240);
        Assert.InRange(Box(truck).Left, 248, 252);
        Assert.InRange(Box(truck).Bottom, 233, 237);
        Assert.DoesNotContain(lines, l => Box(l).Left is > 39 and < 43 && Box(l).Top is > 92 and < 96);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_folder_without_images_or_a_class_named_twice_is_refused_naming_it()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_dir.FullName, "empty")).FullName;
        var (code, output) = await NodeProcess.RunAsync("models", "review", "--labels", empty);
        Assert.Equal(2, code);
        Assert.Contains($"{empty}: no images/ folder", output, StringComparison.Ordinal);

        (code, output) = await NodeProcess.RunAsync("models", "review", "--labels", _dir.FullName, "--classes", "car,car");
        Assert.Equal(2, code);
        Assert.Contains("--classes: 'car,car' must name each class once", output, StringComparison.Ordinal);
    }

    private static (float Left, float Top, float Bottom) Box(string line)
    {
        var v = line.Split(' ').Skip(1).Select(x => float.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        return ((v[0] - (v[2] / 2)) * 320, (v[1] - (v[3] / 2)) * 240, (v[1] + (v[3] / 2)) * 240);
    }

    private static async Task<HttpClient> ClientAsync(NodeProcess node)
    {
        var line = await node.WaitForOutputAsync("review: open ", TimeSpan.FromSeconds(60));
        var url = line["review: open ".Length..].Split(' ')[0];
        return new HttpClient { BaseAddress = new Uri(url) };
    }
}
