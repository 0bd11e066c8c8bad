using System.Text.Json;
using EdgeCity.Testing;

namespace EdgeCity.Node.Tests.Cli;

public sealed class ModelsCliSpec : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"edgecity-models-{Guid.NewGuid():N}");

    public ModelsCliSpec() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Root => RepositoryRoot.FullName;

    [Fact]
    public async Task Models_eval_scores_the_shipped_model_on_a_yolo_folder_and_writes_json()
    {
        var json = Path.Combine(_folder, "eval.json");

        var (code, output) = await NodeProcess.RunAsync("models", "eval", "--model", Path.Combine(Root, "models", "edgecity-vehicles.json"),
            "--data", Path.Combine(Root, "models", "testdata", "twin"), "--min-side", "20", "--threads", "1", "--json", json);

        Assert.True(code == 0, output);
        Assert.Contains("1 frames", output);
        // Truth, detections, P, R, AP: all 6 cars found; three false boxes at the far end of the queue, each ranked below
        // every true car (EdgecityVehiclesModelSpec).
        Assert.Matches(@"car\s+6\s+9\s+0\.667\s+1\.000\s+1\.000", output);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var car = doc.RootElement.GetProperty("evaluation").GetProperty("classes")[0];
        Assert.Equal("car", car.GetProperty("class").GetString());
        Assert.Equal(6, car.GetProperty("truePositives").GetInt32());
    }

    [Fact]
    public async Task Models_eval_with_a_missing_manifest_exits_2_naming_it()
    {
        var (code, output) = await NodeProcess.RunAsync("models", "eval", "--model", Path.Combine(_folder, "nope.json"), "--data", _folder);

        Assert.Equal(2, code);
        Assert.Contains("nope.json", output);
    }
}
