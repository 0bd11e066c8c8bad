using System.CommandLine;
using System.Diagnostics;
using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Evaluation;
using EdgeCity.Domain.Sites;
using EdgeCity.Domain.Tracking;
using EdgeCity.Simulation.Network;
using EdgeCity.Simulation.Twin;
using EdgeCity.Vision.Inference;
using OpenCvSharp;

namespace EdgeCity.Node.Cli;

/// <summary>
/// <c>edgecity eval counts</c>: decodes a recording, detects vehicles (the manifest model, or the truth boxes), runs the
/// node's analytics on the recording's own clock, and compares counts, queues and speeds with the ground truth.
/// </summary>
public static class EvalCommand
{
    /// <summary>Frames are stamped on this epoch plus the truth file's time, so pipeline and truth share one clock.</summary>
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Command Build()
    {
        var eval = new Command("eval", "Measure the pipeline against ground truth.");
        eval.Subcommands.Add(BuildCounts());
        return eval;
    }

    /// <summary>
    /// Runs one evaluation. <paramref name="detect"/> gets each decoded frame and its truth and returns the detections;
    /// the frame's capture time is the truth's time. Throws <see cref="InvalidDataException"/> naming the file when
    /// video and truth do not line up.
    /// </summary>
    public static EvaluationReport Run(
        string videoPath,
        IReadOnlyList<TruthFrame> truth,
        SiteDefinition site,
        string siteFolder,
        string cameraId,
        Func<Mat, TruthFrame, DateTimeOffset, FrameDetections> detect,
        Action<string>? progress = null,
        TrackerOptions? tracker = null,
        IReadOnlySet<string>? vehicleClasses = null)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(detect);
        if (truth.Count == 0)
        {
            throw new InvalidDataException("the truth file has no frames");
        }

        var camera = site.Cameras.FirstOrDefault(c => c.Id == cameraId)
            ?? throw new ArgumentException($"site '{site.Name}' has no camera '{cameraId}' (has: {string.Join(", ", site.Cameras.Select(c => c.Id))})");
        Func<ZoneDefinition, (Domain.Geometry.Point2 Start, Domain.Geometry.Point2 End)?>? stopLines = null;
        if (site.Twin is not null && camera.Pose is not null)
        {
            // A twin camera's stop lines come from the network exactly; a real camera's from its zones.
            var network = SumoNetworkReader.Read(Path.GetFullPath(Path.Combine(siteFolder, site.Twin.Net)));
            stopLines = CameraStopLines.For(network, camera.Pose);
        }

        var setup = SiteCameraSetup.For(site, cameraId, stopLines);
        if (tracker is not null)
        {
            tracker.Validate();
            setup = setup with { Tracker = tracker };
        }

        if (vehicleClasses is not null)
        {
            setup = setup with { VehicleClasses = vehicleClasses };
        }

        var replay = new RecordingReplay(setup, Epoch);
        using var capture = new VideoCapture(videoPath);
        if (!capture.IsOpened())
        {
            throw new InvalidDataException($"{videoPath}: OpenCV cannot open the video");
        }

        using var image = new Mat();
        var index = 0;
        var clock = Stopwatch.StartNew();
        while (capture.Read(image) && !image.Empty())
        {
            if (index >= truth.Count)
            {
                throw new InvalidDataException($"{videoPath}: more frames than the truth file has lines ({truth.Count})");
            }

            var t = truth[index];
            replay.Feed(detect(image, t, Epoch.AddSeconds(t.Time)));
            index++;
            if (index % 1000 == 0)
            {
                progress?.Invoke($"{index}/{truth.Count} frames, {index / clock.Elapsed.TotalSeconds:F0} frames/s");
            }
        }

        if (index != truth.Count)
        {
            throw new InvalidDataException($"{videoPath}: {index} frames decoded, but the truth file has {truth.Count} lines");
        }

        return replay.Evaluate(truth);
    }

    private static Command BuildCounts()
    {
        var video = new Option<FileInfo>("--video") { Description = "The recording (e.g. CAMERA.avi from `twin record`).", Required = true };
        var truthFile = new Option<FileInfo>("--truth") { Description = "Its ground truth, one JSON line per frame (CAMERA.truth.jsonl).", Required = true };
        var model = new Option<string>("--model") { Description = "Manifest model for --detector model.", DefaultValueFactory = _ => "edgecity-vehicles" };
        var models = new Option<string>("--models") { Description = "Folder with the model manifests.", DefaultValueFactory = _ => "models" };
        var providers = new Option<string>("--providers") { Description = "Execution providers to try, in order (tensorrt,cuda,cpu).", DefaultValueFactory = _ => "tensorrt,cuda,cpu" };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime intra-op threads.", DefaultValueFactory = _ => 2 };
        var detector = new Option<string>("--detector") { Description = "model: the ONNX detector on the decoded frames; truth: the truth boxes as detections (analytics alone); saved: the detections a model run saved with --save-detections.", DefaultValueFactory = _ => "model" };
        detector.AcceptOnlyFromAmong("model", "truth", "saved");
        var saveDetections = new Option<FileInfo?>("--save-detections") { Description = "With --detector model: also write each frame's detections here (JSON lines), to re-run the analytics later with --detector saved." };
        var detections = new Option<FileInfo?>("--detections") { Description = "With --detector saved: the file --save-detections wrote for this recording." };
        var noise = new Option<double>("--noise") { Description = "With --detector truth: Gaussian jitter on box edges, pixels.", DefaultValueFactory = _ => 0 };
        var dropout = new Option<double>("--dropout") { Description = "With --detector truth: share of boxes dropped at random (0–1).", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed for --noise and --dropout.", DefaultValueFactory = _ => 1 };
        var siteFile = new Option<FileInfo>("--site") { Description = "Site file with the camera's lines, zones and calibration.", DefaultValueFactory = _ => new FileInfo(Path.Combine("deploy", "sites", "demo", "site.json")) };
        var cameraOption = new Option<string?>("--camera") { Description = "The camera in the site (default: the truth file's camera)." };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the report as JSON here." };
        var trackHigh = new Option<float?>("--track-high") { Description = "Tracker high score threshold (default: the model manifest's tracking.high)." };
        var trackLow = new Option<float?>("--track-low") { Description = "Tracker low score threshold (default: the manifest's tracking.low)." };
        var trackNew = new Option<float?>("--track-new") { Description = "Tracker new-track score threshold (default: the manifest's tracking.new)." };
        var command = new Command("counts", "Counted vs true vehicles per approach and count line, queue-length and speed errors, on a recording with ground truth.")
        {
            video, truthFile, model, models, providers, threads, detector, saveDetections, detections, noise, dropout, seed, siteFile, cameraOption, json, trackHigh, trackLow, trackNew,
        };
        command.SetAction((parse, ct) =>
        {
            Detector? onnx = null;
            StreamWriter? saved = null;
            try
            {
                var truthPath = parse.GetValue(truthFile)!.FullName;
                IReadOnlyList<TruthFrame> truth;
                using (var reader = File.OpenText(truthPath))
                {
                    truth = TruthReader.Read(reader, truthPath);
                }

                var siteInfo = parse.GetValue(siteFile)!;
                var loaded = SiteFile.Load(siteInfo.FullName);
                if (!loaded.IsValid)
                {
                    Console.Error.WriteLine(loaded.Describe());
                    return Task.FromResult(2);
                }

                var cameraId = parse.GetValue(cameraOption) ?? truth.FirstOrDefault()?.Camera
                    ?? throw new ArgumentException($"{truthPath}: no camera named in the truth; pass --camera");
                var mode = parse.GetValue(detector)!;
                Func<Mat, TruthFrame, DateTimeOffset, FrameDetections> detect;
                var tracking = new ModelTracking();
                // The twin's truth boxes pedestrians too: only vehicles are traffic (a model's manifest says which).
                IReadOnlySet<string> vehicleClasses = VehicleClass.All.Where(c => c != VehicleClass.Person).ToHashSet(StringComparer.Ordinal);
                void TakeVehicleClasses(ModelManifest m)
                {
                    if (m.VehicleClasses.Count > 0)
                    {
                        vehicleClasses = m.VehicleClasses.ToHashSet(StringComparer.Ordinal);
                    }
                }
                if (mode == "saved")
                {
                    var file = parse.GetValue(detections) ?? throw new ArgumentException("--detector saved needs --detections <file> (written by --save-detections)");
                    IReadOnlyList<(double Time, IReadOnlyList<Detection> Boxes)> frames;
                    using (var reader = File.OpenText(file.FullName))
                    {
                        frames = SavedDetections.Read(reader, file.FullName);
                    }

                    if (frames.Count != truth.Count)
                    {
                        throw new InvalidDataException($"{file.FullName}: {frames.Count} frames of detections, but the truth file has {truth.Count} lines");
                    }

                    // Saved boxes carry model scores: the model's calibrated tracker thresholds apply to them.
                    var savedBy = ModelManifestFile.Load(ModelManifestFile.PathOf(parse.GetValue(models)!, parse.GetValue(model)!));
                    tracking = savedBy.Tracking;
                    TakeVehicleClasses(savedBy);
                    detect = (img, t, at) =>
                    {
                        var f = frames[(int)t.Frame];
                        if (Math.Abs(f.Time - t.Time) > 1e-3)
                        {
                            throw new InvalidDataException($"{file.FullName}: frame {t.Frame} is at {f.Time} s, the truth's at {t.Time} s: not this recording's detections");
                        }

                        return new FrameDetections(cameraId, t.Frame, at, img.Width, img.Height, f.Boxes);
                    };
                    Console.WriteLine($"detector: saved detections ({file.FullName}, {frames.Count} frames)");
                }
                else if (mode == "truth")
                {
                    var boxes = new TruthDetections(parse.GetValue(noise), parse.GetValue(dropout), parse.GetValue(seed));
                    detect = (img, t, at) => boxes.For(t, cameraId, at, img.Width, img.Height);
                    Console.WriteLine($"detector: truth boxes (noise {parse.GetValue(noise)} px, dropout {parse.GetValue(dropout)})");
                }
                else
                {
                    var options = new DetectorOptions
                    {
                        IntraOpThreads = parse.GetValue(threads),
                        MaxBatch = 1,
                        Providers = parse.GetValue(providers)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                            .Select(p => Enum.Parse<ExecutionProvider>(p, ignoreCase: true)).ToArray(),
                    };
                    onnx = new Detector(DetectionModel.Load(parse.GetValue(models)!, parse.GetValue(model)!, options));
                    tracking = onnx.Model.Manifest.Tracking;
                    TakeVehicleClasses(onnx.Model.Manifest);
                    var detector1 = onnx;
                    var found = new List<Detection>();
                    detect = (img, t, at) =>
                    {
                        var letterbox = detector1.Prepare(0, img);
                        detector1.Run(1);
                        detector1.Decode(0, letterbox, found);
                        var frame = new FrameDetections(cameraId, t.Frame, at, img.Width, img.Height, found.ToList());
                        if (saved is not null)
                        {
                            SavedDetections.Write(saved, frame, t.Time);
                        }

                        return frame;
                    };
                    if (parse.GetValue(saveDetections) is { } saveTo)
                    {
                        saved = new StreamWriter(saveTo.FullName);
                    }
                    Console.WriteLine($"detector: model {onnx.Model.Name} ({onnx.Model.Path}) on {onnx.Model.ProviderLabel}");
                }

                // The model's calibrated thresholds (the truth detector's scores are 1: the defaults fit it).
                var tracker = (tracking with
                {
                    High = parse.GetValue(trackHigh) ?? tracking.High,
                    Low = parse.GetValue(trackLow) ?? tracking.Low,
                    New = parse.GetValue(trackNew) ?? tracking.New,
                }).ApplyTo(new TrackerOptions());
                Console.WriteLine($"tracker: high {tracker.HighScoreThreshold}, low {tracker.LowScoreThreshold}, new {tracker.NewTrackThreshold}");
                var report = Run(parse.GetValue(video)!.FullName, truth, loaded.Site!, siteInfo.DirectoryName ?? ".", cameraId, detect, line => Console.Error.WriteLine(line), tracker, vehicleClasses);
                Console.Write(report.ToTable());
                if (parse.GetValue(json) is { } jsonFile)
                {
                    File.WriteAllText(jsonFile.FullName, report.ToJson());
                    Console.WriteLine($"report: {jsonFile.FullName}");
                }

                return Task.FromResult(0);
            }
            catch (Exception e) when (e is TruthFormatException or InvalidDataException or ArgumentException or IOException or ModelLoadException or ModelManifestException)
            {
                Console.Error.WriteLine(e.Message);
                return Task.FromResult(2);
            }
            finally
            {
                saved?.Dispose();
                var loadedModel = onnx?.Model;
                onnx?.Dispose();
                loadedModel?.Dispose();
            }
        });
        return command;
    }
}
