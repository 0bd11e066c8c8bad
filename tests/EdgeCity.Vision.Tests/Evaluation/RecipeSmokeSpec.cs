using System.Diagnostics;
using EdgeCity.Vision.Tests.Support;

namespace EdgeCity.Vision.Tests.Evaluation;

/// <summary>CI's short run of the training recipe: a few steps on a generated data set, CPU, ONNX export, so the recipe cannot rot.</summary>
public sealed class RecipeSmokeSpec
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public void The_training_recipe_runs_a_few_steps_and_exports_a_yolov8_layout_onnx()
    {
        Assert.True(File.Exists(Python), $"{Python} is missing: install Debian's python3 with python3-torch python3-torchvision python3-onnx python3-pil python3-numpy");
        var probe = Run("-c \"import torch, torchvision, onnx, PIL, numpy\"");
        Assert.True(probe.Code == 0, $"the recipe needs Debian's python3-torch python3-torchvision python3-onnx python3-pil python3-numpy (apt-get install them, or ./edgecity models train installs them): {probe.Output}");

        var outDir = Directory.CreateTempSubdirectory("recipe-smoke-");
        try
        {
            var recipe = Path.Combine(RepoPaths.Root, "models", "train", "train.py");
            var run = Run($"\"{recipe}\" --smoke --steps 2 --threads 2 --out \"{outDir.FullName}\"");

            Assert.True(run.Code == 0, run.Output);
            Assert.Contains("trained 2 steps", run.Output);
            var onnx = Path.Combine(outDir.FullName, "edgecity-vehicles.onnx");
            Assert.True(File.Exists(onnx), run.Output);
            var check = Run($"-c \"import onnx; m = onnx.load('{onnx}'); print([d.dim_value for d in m.graph.output[0].type.tensor_type.shape.dim], m.opset_import[0].version)\"");
            Assert.Contains("[1, 10, 315] 13", check.Output); // 4 + 6 classes by 20x12 + 10x6 + 5x3 cells of a 160x96 input; opset 13
        }
        finally
        {
            outDir.Delete(true);
        }
    }

    [Fact]
    public void The_recipe_fine_tunes_from_the_shipped_onnx_whose_weights_load_back_exactly()
    {
        var shipped = Path.Combine(RepoPaths.Root, "models", "edgecity-vehicles.onnx");
        var outDir = Directory.CreateTempSubdirectory("recipe-onnx-");
        try
        {
            var recipe = Path.Combine(RepoPaths.Root, "models", "train", "train.py");
            var roundTrip = Path.Combine(outDir.FullName, "round-trip");
            var load = Run($"\"{recipe}\" --smoke --eval-only --weights \"{shipped}\" --threads 2 --out \"{roundTrip}\"");
            Assert.True(load.Code == 0, load.Output);
            Assert.Contains("weights: 20 convolutions", load.Output);

            // Exported again, every convolution's (BatchNorm-folded) weights and biases equal the shipped file's.
            var compare = Run("-c \"import onnx, numpy as np; from onnx import numpy_helper as h; " +
                              $"g = [onnx.load(f).graph for f in ('{shipped}', '{Path.Combine(roundTrip, "edgecity-vehicles.onnx")}')]; " +
                              "t = [{i.name: h.to_array(i) for i in x.initializer} for x in g]; " +
                              "c = [[n for n in x.node if n.op_type == 'Conv'] for x in g]; " +
                              "print('convs', len(c[0]), len(c[1]), 'max diff', max(float(np.abs(t[0][a.input[k]] - t[1][b.input[k]]).max()) for a, b in zip(*c) for k in (1, 2)))\"");
            Assert.True(compare.Code == 0, compare.Output);
            Assert.Contains("convs 20 20 max diff 0.0", compare.Output);

            var tune = Run($"\"{recipe}\" --smoke --steps 2 --weights \"{shipped}\" --threads 2 --out \"{Path.Combine(outDir.FullName, "tuned")}\"");
            Assert.True(tune.Code == 0, tune.Output);
            Assert.Contains("BatchNorm frozen", tune.Output);
            Assert.Contains("trained 2 steps", tune.Output);
        }
        finally
        {
            outDir.Delete(true);
        }
    }

    [Fact]
    public void The_recipe_turns_a_committed_twin_recording_into_yolo_labels_with_the_twins_exact_boxes()
    {
        // twin_dataset.py reads what the twin writes: a drift between the two once left every label file empty.
        var recordings = Path.Combine(RepoPaths.Root, "tests", "fixtures", "recordings");
        var truth = Path.Combine(recordings, "J1-W_J1.truth.jsonl");
        var outDir = Directory.CreateTempSubdirectory("recipe-frames-");
        try
        {
            var script = Path.Combine(RepoPaths.Root, "models", "train");
            var run = Run($"-c \"import sys; sys.path.insert(0, '{script}'); import twin_dataset as d; " +
                          $"print('kept', d.convert('{Path.Combine(recordings, "J1-W_J1.mp4")}', '{truth}', '{outDir.FullName}', 'w', 100, 512, 288, 4))\"");

            Assert.True(run.Code == 0, run.Output);
            Assert.Contains("kept 6", run.Output); // frames 0, 100, ..., 500 of 600
            var first = System.Text.Json.JsonDocument.Parse(File.ReadLines(truth).First()).RootElement;
            var expected = first.GetProperty("vehicles").EnumerateArray().Count(v =>
            {
                var b = v.GetProperty("box").EnumerateArray().Select(x => x.GetDouble()).ToArray();
                return Math.Min(b[2] - b[0], b[3] - b[1]) >= 4;
            });
            var labels = File.ReadAllLines(Path.Combine(outDir.FullName, "labels", "w_000000.txt"));
            Assert.True(expected > 0);
            Assert.Equal(expected, labels.Length);
            Assert.True(File.Exists(Path.Combine(outDir.FullName, "images", "w_000000.jpg")));
            Assert.All(labels, l => Assert.Equal(5, l.Split(' ').Length));
        }
        finally
        {
            outDir.Delete(true);
        }
    }

    private static (int Code, string Output) Run(string args)
    {
        var info = new ProcessStartInfo(Python, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
