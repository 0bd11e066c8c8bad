using System.Diagnostics;
using System.Net;

namespace EdgeCity.Node.Tests.Cli;

public sealed class CliSpec
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    [Fact]
    public async Task Help_lists_every_verb_with_a_description()
    {
        var (code, output) = await NodeProcess.RunAsync("--help");

        Assert.Equal(0, code);
        Assert.Matches(@"demo\s+Run the demo", output);
        Assert.Matches(@"run\s+Run a node for a site file", output);
        Assert.Matches(@"doctor\s+Check this box", output);
    }

    [Theory]
    [InlineData("--model", "no-such-model", "bench: model 'no-such-model': model manifest not found")]
    [InlineData("--providers", "cpux", "bench: --providers: 'cpux' is not an execution provider")]
    [InlineData("--clip", "/no/such/clip.mp4", "bench: video file not found: /no/such/clip.mp4")]
    public async Task Bench_with_a_bad_model_provider_or_clip_exits_2_and_names_it(string option, string value, string message)
    {
        var args = new Dictionary<string, string>
        {
            ["--models"] = Path.Combine(EdgeCity.Testing.RepositoryRoot.FullName, "models"), ["--model"] = "nanodet-m-320", ["--providers"] = "cpu", ["--frames"] = "4", ["--rounds"] = "1",
        };
        args[option] = value;
        var (code, output) = await NodeProcess.RunAsync(["bench", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(2, code);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_with_an_invalid_site_exits_2_and_names_the_field()
    {
        var site = Path.Combine(Path.GetTempPath(), $"site-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(site, """{ "name": "x", "intersections": [ { "id": "J1", "controller": "nonsense" } ] }""");
        try
        {
            var (code, output) = await NodeProcess.RunAsync("run", "--site", site, "--check");

            Assert.Equal(2, code);
            Assert.Contains($"{site}: $.intersections[0].controller: unknown controller 'nonsense'", output);
        }
        finally
        {
            File.Delete(site);
        }
    }

    [Fact]
    public async Task Bad_camera_settings_stop_the_node_at_start_naming_each_key_and_where_it_was_set()
    {
        var output = await RefusedAtStartAsync(new Dictionary<string, string> { ["EdgeCity__Cameras__Providers__0"] = "gpu", ["EdgeCity__Cameras__MaxBatch"] = "0" });

        Assert.Contains("EdgeCity:Cameras:Providers:0: 'gpu' is not an execution provider (known: tensorrt, cuda, cpu) (set in environment variable EdgeCity__Cameras__Providers__0)", output);
        Assert.Contains("EdgeCity:Cameras:MaxBatch: must be 1 to 256, was 0", output);
    }

    [Fact]
    public async Task A_short_api_token_and_other_bad_node_settings_stop_the_node_at_start_naming_each_key_and_where_it_was_set()
    {
        var output = await RefusedAtStartAsync(new Dictionary<string, string>
        {
            ["EdgeCity__Api__Token"] = "abc",
            ["EdgeCity__Api__Operators__bob"] = "0123456789abcdef", // 16: long enough
            ["EdgeCity__Dashboard__FramesPerSecond"] = "99",
            ["EdgeCity__Api__CameraSources__Files"] = "maybe",
            ["EdgeCity__Api__CameraSources__Hosts__0"] = "10.0.0.0/99",
            ["EdgeCity__Http__Urls"] = "ftp://0.0.0.0:21",
        });

        Assert.Contains("EdgeCity:Api:Token: has 3 characters; at least 16 are required (a long random secret: openssl rand -hex 24) (set in environment variable EdgeCity__Api__Token)", output);
        Assert.DoesNotContain("EdgeCity:Api:Operators:bob", output);
        Assert.Contains("EdgeCity:Dashboard:FramesPerSecond: '99' is not a number from 0.2 to 5 (set in environment variable EdgeCity__Dashboard__FramesPerSecond)", output);
        Assert.Contains("EdgeCity:Api:CameraSources:Files: 'maybe' is not true or false", output);
        Assert.Contains("EdgeCity:Api:CameraSources:Hosts:0: '10.0.0.0/99' is not a network in CIDR notation", output);
        Assert.Contains("EdgeCity:Http:Urls: 'ftp://0.0.0.0:21' is not an http:// or https:// address", output);
    }

    /// <summary>Runs a node on a one-intersection site with <paramref name="environment"/>; it must stop at start with exit 2. Returns its output.</summary>
    private static async Task<string> RefusedAtStartAsync(Dictionary<string, string> environment)
    {
        var site = Path.Combine(Path.GetTempPath(), $"site-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(site, """{ "name": "x", "intersections": [ { "id": "J1", "approaches": [ { "id": "N" } ] } ] }""");
        try
        {
            using var node = NodeProcess.Start(environment, "run", "--site", site);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await node.Process.WaitForExitAsync(cts.Token);
            Assert.Equal(2, node.Process.ExitCode);
            return node.Output;
        }
        finally
        {
            File.Delete(site);
        }
    }

    [Theory]
    [InlineData(SigInt)]
    [InlineData(SigTerm)]
    public async Task Demo_becomes_ready_and_stops_cleanly_within_ten_seconds_of_a_signal(int signal)
    {
        using var node = NodeProcess.Start("demo", "--port", "0");
        var listening = await node.WaitForOutputAsync("Now listening on: ", TimeSpan.FromSeconds(60));
        var url = listening["Now listening on: ".Length..].Trim();
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await http.GetAsync("/healthz/ready")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "not ready within 30 s:\n" + node.Output);
            await Task.Delay(100);
        }

        var clock = Stopwatch.StartNew();
        node.Signal(signal);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await node.Process.WaitForExitAsync(cts.Token);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Equal(0, node.Process.ExitCode);
        // Remoting is stopped by Akka's CoordinatedShutdown phases, so this line proves it ran to its end.
        Assert.Contains("Remoting shut down", node.Output);
    }
}
