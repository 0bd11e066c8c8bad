using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Evaluation.DetectionMetrics;
using EdgeCity.Node.Labelling;
using EdgeCity.Vision.Evaluation;
using EdgeCity.Vision.Inference;

namespace EdgeCity.Node.Finetuning;

/// <summary>
/// Local training on local footage, one command: the footage labelled by the slower, stronger labeller
/// (<see cref="FootageLabeller"/>), or labels a person has reviewed; the twin's frames mixed in so the model does not
/// forget the twin; the shipped model fine-tuned on them with the training recipe (on a GPU where PyTorch sees one);
/// the export made batchable and given a manifest; both models scored on held-out frames through the node's own
/// ONNX Runtime path; and a <see cref="ModelCard"/> written beside the model.
/// </summary>
public sealed class FinetuneRun(FinetuneOptions options, Action<string> say)
{
    private const string Verb = "models finetune";

    /// <summary>
    /// The views the twin's frames are rendered from, each aimed at the same stretch of road: the site's own pole,
    /// a mast and straight overhead (a gantry or a drone), so the model keeps every view a city camera has.
    /// </summary>
    private static readonly string[] TwinPoses = ["base:0:0:0", "mast:15:45:70:0:aim", "overhead:25:90:60:0:aim"];

    /// <summary>Runs it; returns the exit code (2: bad input, named; 3: training failed).</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var o = options;
        var baseManifestPath = ModelManifestFile.PathOf(o.ModelsFolder, o.BaseModel);
        var baseManifest = ModelManifestFile.Load(baseManifestPath);
        var baseOnnx = Path.Combine(o.ModelsFolder, baseManifest.File);
        var train = TrainingPython.FindRecipe("train.py") ?? throw new FinetuneException("models/train/train.py not found under the current folder or the program's folder; run from the EdgeCity checkout");
        Directory.CreateDirectory(o.Out);
        var data = new List<ModelCardData>();

        foreach (var video in o.Videos)
        {
            data.Add(Label(video));
        }

        if (o.ReviewFirst && o.Videos.Count > 0)
        {
            say($"labelled; check the frames listed in each review.txt in the browser (edgecity models review --labels <folder>: fix or delete wrong boxes, draw missed ones), then train with: edgecity {Verb} "
                + string.Join(' ', data.Select(d => $"--labels {d.Folder}")) + $" --out {o.Out}");
            return 0;
        }

        data.AddRange(o.Labels.Select(l => Describe("footage", l, null, LabelReview.Progress(l) is var (reviewed, frames) && reviewed > 0
            ? $"labels given to this run; a person reviewed {reviewed} of its {frames} frames (models review, {LabelReview.ReviewedFile})"
            : "labels given to this run; no frame recorded as reviewed by a person")));
        if (!await TrainingPython.EnsurePackagesAsync(Verb, ct))
        {
            return 3;
        }

        var calibration = new List<string>();
        for (var i = 0; i < data.Count; i++)
        {
            var (trainPart, held) = CalibrationSplit.Split(data[i].Folder, o.Out);
            if (held is not null)
            {
                calibration.Add(held);
                data[i] = Describe(data[i].Kind, trainPart, data[i].Source ?? data[i].Folder,
                    $"{data[i].Review}; its last {YoloFolderReader.Images(held).Count} frames held back to choose the operating threshold");
            }
        }

        data.AddRange(await TwinFramesAsync(ct));
        var (device, gpu) = await DeviceAsync(ct);
        var started = DateTime.UtcNow;
        var work = Path.Combine(o.Out, "train");
        say($"training {o.BaseModel} on {data.Sum(d => d.Images)} images ({data.Sum(d => d.Boxes)} boxes) on {device}{(gpu is null ? "" : $" ({gpu})")}, "
            + (o.Steps > 0 ? $"{o.Steps} steps" : $"{o.Minutes:0.#} minutes"));
        var args = new List<string>
        {
            train, "--out", work, "--device", device, "--weights", Path.GetFullPath(baseOnnx), "--freeze-bn",
            "--minutes", o.Minutes.ToString(CultureInfo.InvariantCulture), "--batch", o.Batch.ToString(CultureInfo.InvariantCulture),
            "--lr", o.LearningRate.ToString(CultureInfo.InvariantCulture), "--warmup-steps", "50", "--data",
        };
        args.AddRange(data.Select(d => d.Folder));
        if (o.Steps > 0)
        {
            args.AddRange(["--steps", o.Steps.ToString(CultureInfo.InvariantCulture)]);
        }

        if (await TrainingPython.RunAsync(TrainingPython.Python, args, ct) != 0 || !File.Exists(Path.Combine(work, "edgecity-vehicles.onnx")))
        {
            await Console.Error.WriteLineAsync($"{Verb}: training failed (see {Path.Combine(work, "train.log")})");
            return 3;
        }

        var finished = DateTime.UtcNow;
        var onnx = Path.Combine(o.Out, o.Name + ".onnx");
        var batchable = TrainingPython.FindRecipe("dynamic_batch.py")!;
        if ((await TrainingPython.CaptureAsync(TrainingPython.Python, [batchable, Path.Combine(work, "edgecity-vehicles.onnx"), onnx], ct)).ExitCode != 0)
        {
            await Console.Error.WriteLineAsync($"{Verb}: {batchable} could not make {onnx} batchable");
            return 3;
        }

        var sha = Sha256(onnx);
        WriteManifest(baseManifestPath, o.Out, o.Name, Path.GetFileName(onnx), sha);
        var operating = Calibrate(ModelManifestFile.Load(ModelManifestFile.PathOf(o.Out, o.Name)), onnx, calibration);
        var scores = Score(baseManifest, baseOnnx, ModelManifestFile.Load(ModelManifestFile.PathOf(o.Out, o.Name)), onnx);
        using var metrics = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(work, "metrics.json"), ct));
        var card = new ModelCard
        {
            Model = o.Name,
            File = Path.GetFileName(onnx),
            Sha256 = sha,
            BaseModel = o.BaseModel,
            BaseSha256 = Sha256(baseOnnx),
            Data = data,
            Training = new ModelCardTraining(device, metrics.RootElement.GetProperty("torch").GetString() ?? "?", metrics.RootElement.GetProperty("steps").GetInt32(),
                Math.Round((finished - started).TotalSeconds), o.Batch, o.LearningRate, started, finished),
            Machine = MachineDescription.Here(gpu),
            HeldOut = scores,
            MinSidePixels = o.MinSide,
            OperatingPoint = operating,
        };
        card.Write(o.Out);
        foreach (var s in scores)
        {
            say(string.Create(CultureInfo.InvariantCulture, $"held-out {s.Folder}: car AP@0.5 {s.CarAp50Before:0.000} -> {s.CarAp50After:0.000}, mAP {s.MeanAp50Before:0.000} -> {s.MeanAp50After:0.000}{(s.Note.Length > 0 ? $" ({s.Note})" : "")}"));
        }

        say($"wrote {onnx}, {ModelManifestFile.PathOf(o.Out, o.Name)} and {Path.Combine(o.Out, "MODEL-CARD.md")}");
        return 0;
    }

    private ModelCardData Label(string video)
    {
        var folder = Path.Combine(options.Out, "labels", Path.GetFileNameWithoutExtension(video));
        using var ensemble = LabellerEnsemble.Load(options.ModelsFolder, options.LabellerModel,
            new DetectorOptions { IntraOpThreads = options.Threads, MaxBatch = 1, Providers = options.Providers.ToArray() }, options.Looks.PerFrame);
        say($"labelling {video} with {ensemble.Describe(options.Looks)}, every {options.Every}th frame to {folder}");
        var result = new FootageLabeller(ensemble.Detectors, FootageLabeller.TrainingClasses, 0.3f, options.Looks).Label(video, folder, options.Every, line => say($"label: {line}"));
        var review = FootageLabeller.WriteReview(folder, result.Written);
        say($"labelled {result.FramesRead} frames, wrote {result.FramesWritten} with {result.Boxes} boxes ({result.GapFilled} filled from tracks); {review.Count} frames listed for review in {Path.Combine(folder, "review.txt")}");
        return Describe("footage", folder, video, $"labelled by this run ({result.GapFilled} boxes filled from tracks), not reviewed by a person");
    }

    private async Task<IReadOnlyList<ModelCardData>> TwinFramesAsync(CancellationToken ct)
    {
        if (options.Twin.Count > 0)
        {
            return options.Twin.Select(t => Describe("twin", t, null, "rendered by the twin (exact boxes)")).ToList();
        }

        if (options.TwinSeconds <= 0)
        {
            say("no twin frames: the model may forget the twin's views");
            return [];
        }

        var folder = Path.Combine(options.Out, "twin");
        if (!Directory.Exists(Path.Combine(folder, "images")))
        {
            var recipe = TrainingPython.FindRecipe("twin_dataset.py")!;
            var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(recipe)!, "..", ".."));
            say($"rendering {options.TwinSeconds:0} s of {options.TwinSite}'s cameras {string.Join(", ", options.TwinCameras)} from a pole, a mast and overhead for twin frames to {folder}");
            var code = await TrainingPython.RunAsync(TrainingPython.Python,
                [recipe, "--site", options.TwinSite, "--cameras", .. options.TwinCameras, "--poses", .. TwinPoses,
                 "--seconds", options.TwinSeconds.ToString(CultureInfo.InvariantCulture), "--out", folder, "--edgecity", Path.Combine(root, "edgecity")], ct);
            if (code != 0)
            {
                throw new FinetuneException($"rendering twin frames from {options.TwinSite} failed (exit {code}); give --twin <folder> or --twin-seconds 0");
            }
        }

        return [Describe("twin", folder, options.TwinSite, "rendered by the twin (exact boxes)")];
    }

    private async Task<(string Device, string? Gpu)> DeviceAsync(CancellationToken ct)
    {
        var device = options.Device;
        if (device == "auto")
        {
            var probe = await TrainingPython.CaptureAsync(TrainingPython.Python, ["-c", "import torch; print('cuda' if torch.cuda.is_available() else 'cpu')"], ct);
            device = probe.ExitCode == 0 ? probe.Output.Trim() : "cpu";
        }

        if (!device.StartsWith("cuda", StringComparison.Ordinal))
        {
            return (device, null);
        }

        var index = device.Contains(':', StringComparison.Ordinal) ? device.Split(':')[1] : "0";
        var name = await TrainingPython.CaptureAsync(TrainingPython.Python, ["-c", $"import torch; print(torch.cuda.get_device_name({index}))"], ct);
        return (device, name.ExitCode == 0 ? name.Output.Trim() : "CUDA device");
    }

    private List<ModelCardScore> Score(ModelManifest before, string beforeOnnx, ModelManifest after, string afterOnnx)
    {
        var trainedClips = options.Videos.Concat(options.Labels).Select(p => Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(p))).ToList();
        var scores = new List<ModelCardScore>();
        foreach (var folder in options.Val)
        {
            var images = YoloFolderReader.Images(folder);
            var seen = images.Any(i => trainedClips.Any(c => Path.GetFileName(i).StartsWith(c + "-", StringComparison.Ordinal)));
            var (carBefore, mapBefore) = Evaluate(before, beforeOnnx, folder);
            var (carAfter, mapAfter) = Evaluate(after, afterOnnx, folder);
            scores.Add(new ModelCardScore(folder, images.Count, carBefore, carAfter, mapBefore, mapAfter, seen ? "frames of footage trained on: not held out" : ""));
        }

        return scores;
    }

    /// <summary>
    /// Chooses the score the new model's vehicles are tracked from (<see cref="OperatingPoint"/>) on the footage frames
    /// held back from training, and writes it into the manifest's tracking thresholds (new = high + 0.1, ByteTrack's
    /// rule); without such frames the base model's thresholds stay, and the card says so.
    /// </summary>
    private string Calibrate(ModelManifest manifest, string onnx, IReadOnlyList<string> folders)
    {
        if (folders.Count == 0)
        {
            return $"the base model's tracking thresholds (high {manifest.Tracking.High:0.00}, new {manifest.Tracking.New:0.00}): no footage frames were held back to choose them";
        }

        using var model = ModelEvaluator.LoadForEvaluation(manifest, onnx, options.Threads);
        var collected = ModelEvaluator.Collect(model, folders.SelectMany(f => YoloFolderReader.Read(f, FootageLabeller.TrainingClasses, model.Manifest.Classes)), options.MinSide);
        var chosen = OperatingPoint.Choose(OperatingPoint.Candidates.Select(collected.Result), manifest.VehicleClasses);
        if (chosen is not { } point)
        {
            return $"the base model's tracking thresholds (high {manifest.Tracking.High:0.00}, new {manifest.Tracking.New:0.00}): the held-back frames have no vehicle";
        }

        var high = MathF.Round(point.Threshold, 2);
        var path = ModelManifestFile.PathOf(options.Out, options.Name);
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json["tracking"] = new JsonObject { ["high"] = high, ["low"] = manifest.Tracking.Low, ["new"] = MathF.Min(high + 0.1f, 0.95f) };
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine);
        var frames = folders.Sum(f => YoloFolderReader.Images(f).Count);
        say(string.Create(CultureInfo.InvariantCulture, $"operating threshold {high:0.00} (vehicle F1 {point.F1:0.000} on {frames} held-back footage frames): tracking high {high:0.00}, new {MathF.Min(high + 0.1f, 0.95f):0.00}"));
        return string.Create(CultureInfo.InvariantCulture, $"tracking from score {high:0.00} (new tracks from {MathF.Min(high + 0.1f, 0.95f):0.00}): the best vehicle F1 ({point.F1:0.000}) on {frames} footage frames held back from training, labels as given, boxes under {options.MinSide:0} px left out");
    }

    private (double? Car, double? Mean) Evaluate(ModelManifest manifest, string onnx, string folder)
    {
        using var model = ModelEvaluator.LoadForEvaluation(manifest, onnx, options.Threads);
        var result = ModelEvaluator.Evaluate(model, YoloFolderReader.Read(folder, FootageLabeller.TrainingClasses, model.Manifest.Classes), manifest.ScoreThreshold, options.MinSide);
        return (result.Classes.FirstOrDefault(c => c.Class == "car")?.Ap50, result.MeanAp50);
    }

    private static ModelCardData Describe(string kind, string folder, string? source, string review)
    {
        var images = YoloFolderReader.Images(folder);
        var boxes = images.Sum(i => YoloFolderReader.LabelPath(i) is { } l && File.Exists(l) ? File.ReadLines(l).Count(x => x.Trim().Length > 0) : 0);
        return new ModelCardData(kind, folder, source, images.Count, boxes, review);
    }

    /// <summary>The base model's manifest (layout, input, classes, thresholds) for the new file.</summary>
    private static void WriteManifest(string baseManifestPath, string outFolder, string name, string file, string sha)
    {
        var json = JsonNode.Parse(File.ReadAllText(baseManifestPath))!.AsObject();
        json["file"] = file;
        json["sha256"] = sha;
        File.WriteAllText(ModelManifestFile.PathOf(outFolder, name), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine);
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
