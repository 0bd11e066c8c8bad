using System.CommandLine;
using EdgeCity.Domain.Detection;
using EdgeCity.Node.Finetuning;
using EdgeCity.Vision.Inference;

namespace EdgeCity.Node.Cli;

/// <summary><c>edgecity models finetune</c>: the shipped model fine-tuned on a community's own footage, one command (<see cref="FinetuneRun"/>).</summary>
public static class ModelsFinetuneCommand
{
    public static Command Build()
    {
        var video = new Option<FileInfo[]>("--video") { Description = "Footage to label and train on (repeat for several clips).", AllowMultipleArgumentsPerToken = true };
        var labels = new Option<DirectoryInfo[]>("--labels") { Description = "Labelled folders (images/ + labels/, YOLO txt; e.g. from --review-first, checked by a person) to train on as they are.", AllowMultipleArgumentsPerToken = true };
        var reviewFirst = new Option<bool>("--review-first") { Description = "Label the footage and stop, so a person checks the frames listed in review.txt; then run again with --labels." };
        var twin = new Option<DirectoryInfo[]>("--twin") { Description = "Twin frames to mix in (folders from models/train/twin_dataset.py); default: rendered from --twin-site.", AllowMultipleArgumentsPerToken = true };
        var twinSeconds = new Option<double>("--twin-seconds") { Description = "Seconds of the twin site's traffic rendered when no --twin is given (0: no twin frames; the model may forget the twin).", DefaultValueFactory = _ => 60 };
        var twinSite = new Option<string>("--twin-site") { Description = "Site file whose twin renders the twin frames.", DefaultValueFactory = _ => "deploy/sites/demo/site.json" };
        var val = new Option<DirectoryInfo[]>("--val") { Description = "Held-out folders scored before and after (default: the hand-boxed real frames and the twin's held-out frame shipped under models/testdata).", AllowMultipleArgumentsPerToken = true };
        var models = new Option<string>("--models") { Description = "Folder with the model manifests.", DefaultValueFactory = _ => "models" };
        var baseModel = new Option<string>("--base") { Description = "The model fine-tuned (a manifest exported by the training recipe).", DefaultValueFactory = _ => Domain.Sites.DefaultDetectors.Twin };
        var labeller = new Option<string>("--labeller") { Description = "The labeller's detectors (manifest names, comma-separated: an ensemble).", DefaultValueFactory = _ => Domain.Sites.DefaultDetectors.RealCamera };
        var tiles = new Option<string>("--tiles") { Description = "The labeller also looks at overlapping tiles of each frame, zoomed (NxM across by down; 0: none).", DefaultValueFactory = _ => Labelling.LabellerDefaults.Tiles };
        var name = new Option<string>("--name") { Description = "The new model's name (its .onnx and .json).", DefaultValueFactory = _ => "edgecity-vehicles-local" };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for labels, twin frames, the model, its manifest and its card.", Required = true };
        var device = new Option<string>("--device") { Description = "PyTorch device: auto (CUDA where PyTorch sees a GPU, else the CPU), cpu, cuda, cuda:1 ...", DefaultValueFactory = _ => "auto" };
        var minutes = new Option<double>("--minutes") { Description = "Training time budget in minutes.", DefaultValueFactory = _ => 10 };
        var steps = new Option<int>("--steps") { Description = "Stop after this many steps (0: the time budget decides)." };
        var every = new Option<int>("--every") { Description = "Label every N-th frame of the footage.", DefaultValueFactory = _ => 10 };
        var minSide = new Option<float>("--min-side") { Description = "Leave boxes whose shorter side is under this many pixels out of the held-out scores.", DefaultValueFactory = _ => 20 };
        var providers = new Option<string>("--providers") { Description = "Execution providers for the labeller, in order (tensorrt,cuda,cpu).", DefaultValueFactory = _ => "tensorrt,cuda,cpu" };
        var command = new Command("finetune", "Fine-tune the shipped model on your own footage, one command: label it (or take reviewed labels), mix in the twin's frames, train (GPU where there is one), score held-out frames before and after, write the model, its manifest and its card.")
        {
            video, labels, reviewFirst, twin, twinSeconds, twinSite, val, models, baseModel, labeller, name, output, device, minutes, steps, every, minSide, providers, tiles,
        };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var videos = parse.GetValue(video) ?? [];
                var labelled = parse.GetValue(labels) ?? [];
                var modelsFolder = parse.GetValue(models)!;
                Check(videos, labelled, parse.GetValue(twin) ?? [], parse.GetValue(val) ?? [], parse.GetValue(minutes), parse.GetValue(steps), parse.GetValue(every));
                var heldOut = (parse.GetValue(val) ?? []).Select(d => d.FullName).ToList();
                if (heldOut.Count == 0)
                {
                    heldOut = new[] { "real-boxes", "real-boxes-cctv", "twin" }.Select(f => Path.GetFullPath(Path.Combine(modelsFolder, "testdata", f))).Where(Directory.Exists).ToList();
                }

                var options = new FinetuneOptions
                {
                    Videos = videos.Select(v => v.FullName).ToList(),
                    Labels = labelled.Select(l => l.FullName).ToList(),
                    ReviewFirst = parse.GetValue(reviewFirst),
                    Twin = (parse.GetValue(twin) ?? []).Select(t => t.FullName).ToList(),
                    TwinSeconds = parse.GetValue(twinSeconds),
                    TwinSite = parse.GetValue(twinSite)!,
                    Val = heldOut,
                    ModelsFolder = modelsFolder,
                    BaseModel = parse.GetValue(baseModel)!,
                    LabellerModel = parse.GetValue(labeller)!,
                    Looks = Labelling.LabellerLooks.WithTiles(parse.GetValue(tiles)!, plain: false),
                    Name = parse.GetValue(name)!,
                    Out = parse.GetValue(output)!.FullName,
                    Device = parse.GetValue(device)!,
                    Minutes = parse.GetValue(minutes),
                    Steps = parse.GetValue(steps),
                    Every = parse.GetValue(every),
                    MinSide = parse.GetValue(minSide),
                    Providers = AssessCommand.Providers(parse.GetValue(providers)!),
                };
                return await new FinetuneRun(options, line => Console.WriteLine($"finetune: {line}")).RunAsync(ct);
            }
            catch (Exception e) when (e is FinetuneException or IOException or ArgumentException or ModelLoadException or ModelManifestException)
            {
                await Console.Error.WriteLineAsync($"models finetune: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static void Check(FileInfo[] videos, DirectoryInfo[] labels, DirectoryInfo[] twin, DirectoryInfo[] val, double minutes, int steps, int every)
    {
        if (videos.Length == 0 && labels.Length == 0)
        {
            throw new FinetuneException("give the footage to train on: --video <clip> (labelled by this run) or --labels <folder> (labelled and reviewed)");
        }

        foreach (var v in videos.Where(v => !v.Exists))
        {
            throw new FinetuneException($"--video: {v.FullName} does not exist");
        }

        foreach (var (option, folder) in labels.Select(l => ("--labels", l)).Concat(twin.Select(t => ("--twin", t))).Concat(val.Select(v => ("--val", v))))
        {
            if (!Directory.Exists(Path.Combine(folder.FullName, "images")) || !Directory.Exists(Path.Combine(folder.FullName, "labels")))
            {
                throw new FinetuneException($"{option}: {folder.FullName} is not a training folder (it needs images/ and labels/ in YOLO txt)");
            }
        }

        if (minutes <= 0 && steps <= 0)
        {
            throw new FinetuneException("--minutes: must be above 0 (or give --steps)");
        }

        if (steps < 0)
        {
            throw new FinetuneException("--steps: must be 0 or more");
        }

        if (every < 1)
        {
            throw new FinetuneException("--every: must be 1 or more");
        }
    }
}
