using System.CommandLine;
using EdgeCity.Domain.Detection;
using EdgeCity.Node.Labelling;
using EdgeCity.Vision.Inference;

namespace EdgeCity.Node.Cli;

/// <summary>
/// <c>edgecity models label</c>: a community's own footage into a training set for <c>models train --data</c>, labelled
/// by a stronger labeller than the camera path (mirrored second look, tracking to fill gaps), with the frames a person
/// should check first listed in <c>review.txt</c>.
/// </summary>
public static class ModelsLabelCommand
{
    public static Command Build()
    {
        var video = new Option<FileInfo>("--video") { Description = "The footage (a video file).", Required = true };
        var model = new Option<string>("--model") { Description = "The labeller's detectors (manifest names, comma-separated: an ensemble); the real-camera default by default.", DefaultValueFactory = _ => Domain.Sites.DefaultDetectors.RealCamera };
        var tiles = new Option<string>("--tiles") { Description = "Also look at overlapping tiles of each frame, zoomed to the model's input (NxM across by down; 0: none), for far vehicles.", DefaultValueFactory = _ => LabellerDefaults.Tiles };
        var models = new Option<string>("--models") { Description = "Folder with the model manifests.", DefaultValueFactory = _ => "models" };
        var every = new Option<int>("--every") { Description = "Write every N-th frame (all frames are detected and tracked).", DefaultValueFactory = _ => 10 };
        var minScore = new Option<float>("--min-score") { Description = "Fused score a box needs to become a label.", DefaultValueFactory = _ => 0.3f };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Training folder to write (images/, labels/, review.txt; default: data/label-<video>)." };
        var providers = new Option<string>("--providers") { Description = "Execution providers to try, in order (tensorrt,cuda,cpu).", DefaultValueFactory = _ => "tensorrt,cuda,cpu" };
        var plain = new Option<bool>("--plain") { Description = "Label with the detector alone (one look, no gap filling): the baseline to compare the labeller with." };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime intra-op threads.", DefaultValueFactory = _ => 2 };
        var command = new Command("label", "Label your own footage for training: every frame detected by each model as is, mirrored and in zoomed tiles, fused, and tracked to fill gaps; every N-th frame written in YOLO txt, with the frames to check first.")
        {
            video, model, models, every, minScore, output, providers, threads, plain, tiles,
        };
        command.SetAction((parse, ct) =>
        {
            try
            {
                var clip = parse.GetValue(video)!;
                if (!clip.Exists)
                {
                    throw new FileNotFoundException($"--video: {clip.FullName} does not exist");
                }

                if (parse.GetValue(every) < 1)
                {
                    throw new ArgumentException("--every: must be 1 or more");
                }

                var folder = parse.GetValue(output)?.FullName ?? Path.GetFullPath(Path.Combine("data", "label-" + Path.GetFileNameWithoutExtension(clip.Name)));
                var looks = LabellerLooks.WithTiles(parse.GetValue(tiles)!, parse.GetValue(plain));
                var options = new DetectorOptions { IntraOpThreads = parse.GetValue(threads), MaxBatch = 1, Providers = AssessCommand.Providers(parse.GetValue(providers)!) };
                using var ensemble = LabellerEnsemble.Load(parse.GetValue(models)!, parse.GetValue(model)!, options, looks.PerFrame);
                Console.WriteLine($"label: {clip.FullName} with {ensemble.Describe(looks)}; every {parse.GetValue(every)}th frame to {folder}");
                var result = new FootageLabeller(ensemble.Detectors, FootageLabeller.TrainingClasses, parse.GetValue(minScore), looks).Label(clip.FullName, folder, parse.GetValue(every), line => Console.Error.WriteLine($"label: {line}"));

                var review = FootageLabeller.WriteReview(folder, result.Written);
                Console.WriteLine($"label: {result.FramesRead} frames read, {result.FramesWritten} written with {result.Boxes} boxes ({result.GapFilled} of them filled from tracks; over all frames {result.Confirmed} boxes seen by more than one look, {result.SingleView} by one); check the {review.Count} frames listed in {Path.Combine(folder, "review.txt")} with: edgecity models review --labels {folder}; then: edgecity models finetune --labels {folder}");
                return Task.FromResult(0);
            }
            catch (Exception e) when (e is IOException or ArgumentException or ModelLoadException or ModelManifestException)
            {
                Console.Error.WriteLine($"label: {e.Message}");
                return Task.FromResult(2);
            }
        });
        return command;
    }
}
