using EdgeCity.Domain.Sites;
using EdgeCity.Testing;

namespace EdgeCity.Node.Tests.Cli;

public sealed class TwinCliSpec : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"edgecity-cli-{Guid.NewGuid():N}");

    public TwinCliSpec() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string DemoSite => Path.Combine(RepositoryRoot.FullName, "deploy", "sites", "demo", "site.json");

    [Fact]
    public async Task Site_from_sumo_turns_a_shipped_network_into_a_valid_site_with_a_camera_per_approach()
    {
        var net = Path.Combine(_folder, "cross.net.xml");
        File.Copy("/usr/share/sumo/tools/game/cross/cross.net.xml", net);
        var site = Path.Combine(_folder, "site.json");

        var (code, output) = await NodeProcess.RunAsync("site", "from-sumo", net, "--out", site, "--name", "cross", "--cameras");

        Assert.Equal(0, code);
        Assert.Contains("1 intersections, 4 approaches, 4 cameras", output);
        var loaded = SiteFile.Load(site);
        Assert.True(loaded.IsValid, loaded.Describe());
        Assert.Equal("cross.net.xml", loaded.Site!.Twin!.Net);
        Assert.Equal("0", loaded.Site.Intersections[0].SumoTls);
        Assert.Equal(90, loaded.Site.Intersections[0].Plan!.CycleSeconds);
    }

    [Fact]
    public async Task Site_from_sumo_on_a_file_that_is_not_a_network_exits_2_naming_it()
    {
        var bad = Path.Combine(_folder, "bad.net.xml");
        await File.WriteAllTextAsync(bad, "<routes/>");

        var (code, output) = await NodeProcess.RunAsync("site", "from-sumo", bad);

        Assert.Equal(2, code);
        Assert.Contains(bad, output);
    }

    [Fact]
    public async Task Twin_record_writes_a_video_and_one_truth_line_per_frame()
    {
        var (code, output) = await NodeProcess.RunAsync("twin", "record", "--site", DemoSite, "--camera", "J1-W_J1", "--seconds", "3", "--warmup", "60", "--out", _folder);

        Assert.True(code == 0, output);
        Assert.True(new FileInfo(Path.Combine(_folder, "J1-W_J1.avi")).Length > 10_000);
        Assert.Equal(30, File.ReadAllLines(Path.Combine(_folder, "J1-W_J1.truth.jsonl")).Length);
    }

    [Fact]
    public async Task Twin_record_for_an_unknown_camera_names_the_cameras_it_has()
    {
        var (code, output) = await NodeProcess.RunAsync("twin", "record", "--site", DemoSite, "--camera", "nope", "--out", _folder);

        Assert.Equal(2, code);
        Assert.DoesNotContain("   at ", output);
        Assert.Contains("'nope'", output);
        Assert.Contains("J1-W_J1", output);
    }
}
