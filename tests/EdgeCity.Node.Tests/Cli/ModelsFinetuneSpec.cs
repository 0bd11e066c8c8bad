using System.Security.Cryptography;
using System.Text.Json;
using EdgeCity.Testing;
using EdgeCity.Vision.Inference;

namespace EdgeCity.Node.Tests.Cli;

/// <summary>
/// <c>edgecity models finetune</c> for real: the overpass clip labelled, the twin's held-out frame mixed in, the shipped
/// model trained a few steps with PyTorch on the CPU, exported batchable, scored with ONNX Runtime and carded.
/// </summary>
public sealed class ModelsFinetuneSpec : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"edgecity-finetune-{Guid.NewGuid():N}");

    private static string Models => Path.Combine(RepositoryRoot.FullName, "models");

    private static string Overpass => Path.Combine(Models, "testdata", "real", "motorway-overpass.mp4");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task One_command_labels_the_clip_trains_on_it_with_twin_frames_and_writes_a_loadable_model_with_its_card()
    {
        var (code, output) = await NodeProcess.RunAsync(
            TimeSpan.FromSeconds(600),
            "models", "finetune", "--video", Overpass, "--twin", Path.Combine(Models, "testdata", "twin"), "--steps", "4", "--device", "cpu",
            "--every", "30", "--models", Models, "--providers", "cpu",
            "--val", Path.Combine(Models, "testdata", "real-boxes"), Path.Combine(Models, "testdata", "real-boxes-cctv"), "--out", _folder);

        Assert.True(code == 0, output);
        Assert.Contains("step 1 ", output, StringComparison.Ordinal); // the recipe's progress reaches the console
        var onnx = Path.Combine(_folder, "edgecity-vehicles-local.onnx");
        using (var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "edgecity-vehicles-local.json"))))
        {
            Assert.Equal("edgecity-vehicles-local.onnx", manifest.RootElement.GetProperty("file").GetString());
            Assert.Equal(Sha256(onnx), manifest.RootElement.GetProperty("sha256").GetString());
            Assert.Equal("yoloV8", manifest.RootElement.GetProperty("layout").GetString());

            // Tracked from the score with the best vehicle F1 on the clip's last frames, held back from training.
            var tracking = manifest.RootElement.GetProperty("tracking");
            var high = tracking.GetProperty("high").GetSingle();
            Assert.InRange(high, 0.2f, 0.8f);
            Assert.Equal(high + 0.1f, tracking.GetProperty("new").GetSingle(), 3);
        }

        // The node loads it (the manifest's hash checked) and runs it batched.
        using (var model = DetectionModel.Load(_folder, "edgecity-vehicles-local", new DetectorOptions { Providers = [ExecutionProvider.Cpu], MaxBatch = 2 }))
        {
            Assert.Equal(6, model.Manifest.Classes.Count);
        }

        using var card = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "model-card.json")));
        var root = card.RootElement;
        Assert.Equal("edgecity-vehicles", root.GetProperty("baseModel").GetString());
        var data = root.GetProperty("data").EnumerateArray().ToList();
        var footage = Assert.Single(data, d => d.GetProperty("kind").GetString() == "footage");
        Assert.Equal(10, footage.GetProperty("images").GetInt32()); // frames 0, 30, ... 270; 300 and 330 held back
        Assert.InRange(footage.GetProperty("boxes").GetInt32(), 10, 400);
        Assert.Contains("not reviewed", footage.GetProperty("review").GetString(), StringComparison.Ordinal);
        Assert.Contains("its last 2 frames held back to choose the operating threshold", footage.GetProperty("review").GetString(), StringComparison.Ordinal);
        Assert.Contains("on 2 footage frames held back from training", root.GetProperty("operatingPoint").GetString(), StringComparison.Ordinal);
        Assert.Single(data, d => d.GetProperty("kind").GetString() == "twin" && d.GetProperty("images").GetInt32() > 0);
        var training = root.GetProperty("training");
        Assert.Equal(4, training.GetProperty("steps").GetInt32());
        Assert.Equal("cpu", training.GetProperty("device").GetString());
        Assert.Equal(Environment.ProcessorCount, root.GetProperty("machine").GetProperty("logicalCores").GetInt32());
        var heldOut = root.GetProperty("heldOut").EnumerateArray().ToList();
        Assert.Equal(2, heldOut.Count);
        foreach (var score in heldOut)
        {
            Assert.InRange(score.GetProperty("carAp50Before").GetDouble(), 0.05, 1.0);
            Assert.InRange(score.GetProperty("carAp50After").GetDouble(), 0.0, 1.0);
        }

        // The overpass's hand-boxed frames come from the clip trained on: the card says they are not held out.
        Assert.Contains("not held out", heldOut[0].GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, heldOut[1].GetProperty("note").GetString());
        var markdown = await File.ReadAllTextAsync(Path.Combine(_folder, "MODEL-CARD.md"));
        Assert.Contains("| `" + Path.Combine(Models, "testdata", "real-boxes-cctv") + "` | 2 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_first_stops_after_labelling_and_names_the_command_that_trains_on_the_checked_labels()
    {
        var (code, output) = await NodeProcess.RunAsync(
            TimeSpan.FromSeconds(300),
            "models", "finetune", "--video", Overpass, "--review-first", "--every", "60", "--models", Models, "--providers", "cpu", "--out", _folder);

        Assert.True(code == 0, output);
        var labels = Path.Combine(_folder, "labels", "motorway-overpass");
        Assert.Contains($"--labels {labels}", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(labels, "review.txt")));
        Assert.Equal(6, Directory.GetFiles(Path.Combine(labels, "images"), "*.jpg").Length);
        Assert.False(File.Exists(Path.Combine(_folder, "edgecity-vehicles-local.onnx")));
    }

    [Fact]
    public async Task Footage_that_is_missing_or_not_a_training_folder_is_named_and_nothing_runs()
    {
        var none = await NodeProcess.RunAsync(TimeSpan.FromSeconds(60), "models", "finetune", "--out", _folder);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("--video <clip>", none.Output, StringComparison.Ordinal);

        var missing = Path.Combine(_folder, "nowhere.mp4");
        var gone = await NodeProcess.RunAsync(TimeSpan.FromSeconds(60), "models", "finetune", "--video", missing, "--out", _folder);
        Assert.Equal(2, gone.ExitCode);
        Assert.Contains($"--video: {missing} does not exist", gone.Output, StringComparison.Ordinal);

        var notLabels = Path.Combine(Models, "testdata", "real");
        var wrong = await NodeProcess.RunAsync(TimeSpan.FromSeconds(60), "models", "finetune", "--labels", notLabels, "--out", _folder);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains($"--labels: {notLabels} is not a training folder", wrong.Output, StringComparison.Ordinal);
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
