using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Evaluation.DetectionMetrics;
using EdgeCity.Node.Finetuning;
using EdgeCity.Vision.Evaluation;
using EdgeCity.Vision.Inference;

namespace EdgeCity.Node.Cli;

/// <summary><c>edgecity models train|eval</c>: train the default vehicle detector on the box, and score any model on labelled data.</summary>
public static class ModelsCommand
{
    public static Command Build()
    {
        var models = new Command("models", "Detection models: train EdgeCity's vehicle detector locally, evaluate any model against labelled data.");
        models.Subcommands.Add(BuildTrain());
        models.Subcommands.Add(BuildEval());
        models.Subcommands.Add(ModelsLabelCommand.Build());
        models.Subcommands.Add(ModelsReviewCommand.Build());
        models.Subcommands.Add(ModelsFinetuneCommand.Build());
        return models;
    }

    private static Command BuildTrain()
    {
        var data = new Option<string[]>("--data") { Description = "Training folders in YOLO txt layout (images/ + labels/). Without it: the full recipe (twin data set, then training) via models/train/reproduce.sh.", AllowMultipleArgumentsPerToken = true };
        var val = new Option<string[]>("--val") { Description = "Held-out folders scored at the end (P/R/AP@0.5 per class).", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Folder for model.pt, edgecity-vehicles.onnx, metrics.json, train.log.", DefaultValueFactory = _ => "models/train/out" };
        var device = new Option<string>("--device") { Description = "PyTorch device: cpu, cuda, cuda:1 ...", DefaultValueFactory = _ => "cpu" };
        var minutes = new Option<double>("--minutes") { Description = "Training time budget in minutes.", DefaultValueFactory = _ => 30 };
        var steps = new Option<int>("--steps") { Description = "Stop after this many steps (0: the time budget decides)." };
        var smoke = new Option<bool>("--smoke") { Description = "A few steps on a tiny generated data set: checks the recipe runs end to end (CI)." };
        var command = new Command("train", "Train the vehicle detector with models/train/train.py (Debian's python3-torch; installed when missing) and export ONNX.") { data, val, output, device, minutes, steps, smoke };
        command.SetAction(async (parse, ct) =>
        {
            var recipe = TrainingPython.FindRecipe("train.py");
            if (recipe is null)
            {
                await Console.Error.WriteLineAsync("models train: models/train/train.py not found under the current folder or the program's folder; run from the EdgeCity checkout.");
                return 2;
            }

            if (!await TrainingPython.EnsurePackagesAsync("models train", ct))
            {
                return 3;
            }

            var args = new List<string>();
            var folders = parse.GetValue(data) ?? [];
            string program;
            if (folders.Length == 0 && !parse.GetValue(smoke))
            {
                program = "/bin/bash";
                args.Add(Path.Combine(Path.GetDirectoryName(recipe)!, "reproduce.sh"));
                Environment.SetEnvironmentVariable("DEVICE", parse.GetValue(device));
                Environment.SetEnvironmentVariable("MINUTES", parse.GetValue(minutes).ToString(CultureInfo.InvariantCulture));
                Environment.SetEnvironmentVariable("OUT", Path.GetFullPath(parse.GetValue(output)!));
            }
            else
            {
                program = TrainingPython.Python;
                args.AddRange([recipe, "--out", parse.GetValue(output)!, "--device", parse.GetValue(device)!,
                               "--minutes", parse.GetValue(minutes).ToString(CultureInfo.InvariantCulture)]);
                if (parse.GetValue(steps) > 0)
                {
                    args.AddRange(["--steps", parse.GetValue(steps).ToString(CultureInfo.InvariantCulture)]);
                }

                if (parse.GetValue(smoke))
                {
                    args.Add("--smoke");
                }

                if (folders.Length > 0)
                {
                    args.Add("--data");
                    args.AddRange(folders);
                }

                var v = parse.GetValue(val) ?? [];
                if (v.Length > 0)
                {
                    args.Add("--val");
                    args.AddRange(v);
                }
            }

            return await TrainingPython.RunAsync(program, args, ct);
        });
        return command;
    }

    private static Command BuildEval()
    {
        var model = new Option<string>("--model") { Description = "The model's manifest (<name>.json beside its ONNX file).", DefaultValueFactory = _ => "models/edgecity-vehicles.json" };
        var data = new Option<string[]>("--data") { Description = "Labelled data: YOLO txt folders and/or twin recordings (CAMERA.avi with CAMERA.truth.jsonl beside it).", Required = true, AllowMultipleArgumentsPerToken = true };
        var dataClasses = new Option<string?>("--data-classes") { Description = "Class names of the YOLO folders' ids, comma-separated (default: the model's classes)." };
        var score = new Option<float?>("--score") { Description = "Score threshold for precision and recall (default: the manifest's)." };
        var every = new Option<int>("--every") { Description = "Twin recordings: score every N-th frame.", DefaultValueFactory = _ => 1 };
        var stopWindow = new Option<double>("--stop-line-window") { Description = "Twin recordings: a vehicle counts as at the stop line within this many seconds of crossing its count line.", DefaultValueFactory = _ => 0.5 };
        var minSide = new Option<float>("--min-side") { Description = "Leave out ground-truth boxes whose shorter side is under this many source pixels.", DefaultValueFactory = _ => 4 };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime intra-op threads.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var json = new Option<string?>("--json") { Description = "Also write the results as JSON to this file." };
        var command = new Command("eval", "Score a model on labelled frames: precision, recall and AP@0.5 per class, recall at the stop line (twin recordings).") { model, data, dataClasses, score, every, stopWindow, minSide, threads, json };
        command.SetAction(async (parse, ct) =>
        {
            var manifestPath = parse.GetValue(model)!;
            DetectionModel loaded;
            try
            {
                var manifest = ModelManifestFile.Load(manifestPath);
                loaded = ModelEvaluator.LoadForEvaluation(manifest, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(manifestPath))!, manifest.File), parse.GetValue(threads));
            }
            catch (Exception ex) when (ex is ModelManifestException or ModelLoadException)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }

            using (loaded)
            {
                var classes = loaded.Manifest.Classes;
                var datasetClasses = parse.GetValue(dataClasses) is { Length: > 0 } dc ? dc.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : classes.ToArray();
                var threshold = parse.GetValue(score) ?? ModelManifestFile.Load(manifestPath).ScoreThreshold;
                var sources = parse.GetValue(data)!;
                var frames = sources.SelectMany(s => s.EndsWith(".avi", StringComparison.OrdinalIgnoreCase) || s.EndsWith(".truth.jsonl", StringComparison.Ordinal)
                    ? TwinRecordingReader.Read(s.EndsWith(".avi", StringComparison.OrdinalIgnoreCase) ? s : s.Replace(".truth.jsonl", ".avi", StringComparison.Ordinal), classes, parse.GetValue(every), parse.GetValue(stopWindow))
                    : YoloFolderReader.Read(s, datasetClasses, classes));
                DetectionEvaluation result;
                var watch = Stopwatch.StartNew();
                try
                {
                    result = ModelEvaluator.Evaluate(loaded, frames, threshold, parse.GetValue(minSide));
                }
                catch (LabelSetException ex)
                {
                    await Console.Error.WriteLineAsync(ex.Message);
                    return 2;
                }

                Print(loaded.Name, sources, result, watch.Elapsed);
                if (parse.GetValue(json) is { } jsonPath)
                {
                    var report = new { model = loaded.Name, manifest = Path.GetFullPath(manifestPath), data = sources, minSide = parse.GetValue(minSide), meanAp50 = result.MeanAp50, evaluation = result };
                    await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }) + Environment.NewLine, ct);
                    Console.WriteLine($"wrote {Path.GetFullPath(jsonPath)}");
                }

                return 0;
            }
        });
        return command;
    }

    private static void Print(string model, IEnumerable<string> sources, DetectionEvaluation r, TimeSpan took)
    {
        static string F(double? v) => v is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "  -  ";
        Console.WriteLine($"model {model} on {string.Join(", ", sources)}: {r.Frames} frames, IoU {r.IouThreshold}, score >= {r.ScoreThreshold} ({took.TotalSeconds:0.0} s)");
        Console.WriteLine($"{"class",-11}{"truth",7}{"dets",7}{"P",8}{"R",8}{"AP@0.5",8}{"stop-line",11}{"R@stop",8}{"visible",9}{"R@stop",8}");
        foreach (var c in r.Classes.Where(c => c.GroundTruth > 0 || c.Detections > 0))
        {
            Console.WriteLine($"{c.Class,-11}{c.GroundTruth,7}{c.Detections,7}{F(c.Precision),8}{F(c.Recall),8}{F(c.Ap50),8}{c.StopLineGroundTruth,11}{F(c.StopLineRecall),8}{c.StopLineVisibleGroundTruth,9}{F(c.StopLineVisibleRecall),8}");
        }

        Console.WriteLine($"mAP@0.5 {F(r.MeanAp50)}");
    }
}
