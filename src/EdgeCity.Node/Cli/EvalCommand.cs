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
        eval.Subcommands.Add(EvalSlitCommand.Build());
        return eval;
    }

    /// <summary>
    /// Runs one evaluation. <paramref name="detect"/> gets each decoded frame and its truth and returns the detections.
    /// A dense truth (one line per frame from frame 0, as the camera twin writes) sets each frame's capture time; a
    /// sparse one (hand counts of real footage: only the frames with crossings or boxes) is placed on the video's own
    /// clock, frame ÷ frame rate, and each of its lines must agree with it. Throws <see cref="InvalidDataException"/>
    /// naming the file when video and truth do not line up.
    /// </summary>
    public static (EvaluationReport Report, PipelineObservations Observed, double FramesPerSecond) Run(
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

        var dense = TruthReader.IsDense(truth);
        var fps = capture.Fps;
        if (!dense && !(fps > 0))
        {
            throw new InvalidDataException($"{videoPath}: the video states no frame rate, so a sparse truth (or none) cannot be placed on its clock");
        }

        var byFrame = dense ? null : truth.ToDictionary(f => f.Frame);
        var frames = new List<TruthFrame>();
        using var image = new Mat();
        var index = 0;
        var clock = Stopwatch.StartNew();
        while (capture.Read(image) && !image.Empty())
        {
            TruthFrame t;
            if (dense)
            {
                t = index < truth.Count ? truth[index] : throw new InvalidDataException($"{videoPath}: more frames than the truth file has lines ({truth.Count})");
            }
            else
            {
                var at = index / fps;
                if (byFrame!.TryGetValue(index, out var given))
                {
                    t = Math.Abs(given.Time - at) <= 0.5 / fps ? given
                        : throw new InvalidDataException($"truth frame {index} says time {given.Time} s, but frame {index} of {videoPath} is at {at:0.###} s ({fps:0.##} frames/s)");
                }
                else
                {
                    t = new TruthFrame { Camera = cameraId, Frame = index, Time = at };
                }
            }

            frames.Add(t);
            replay.Feed(detect(image, t, Epoch.AddSeconds(t.Time)));
            index++;
            if (index % 1000 == 0)
            {
                progress?.Invoke($"{index}{(dense ? "/" + truth.Count : string.Empty)} frames, {index / clock.Elapsed.TotalSeconds:F0} frames/s");
            }
        }

        if (dense && index != truth.Count)
        {
            throw new InvalidDataException($"{videoPath}: {index} frames decoded, but the truth file has {truth.Count} lines");
        }

        if (!dense && truth.Count > 0 && truth.Max(f => f.Frame) >= index)
        {
            throw new InvalidDataException($"the truth names frame {truth.Max(f => f.Frame)}, but {videoPath} has {index} frames");
        }

        if (index == 0)
        {
            throw new InvalidDataException($"{videoPath}: no frame could be decoded");
        }

        // A dense truth's clock is the truth's own: its frame rate is what its times say.
        var rate = fps > 0 ? fps : index / Math.Max(1e-9, frames[^1].Time - frames[0].Time);
        return (replay.Evaluate(frames), replay.Observations, rate);
    }

    private static Command BuildCounts()
    {
        var video = new Option<FileInfo>("--video") { Description = "The recording (e.g. CAMERA.avi from `twin record`).", Required = true };
        var truthFile = new Option<FileInfo?>("--truth") { Description = "Its ground truth: one JSON line per frame (the twin's CAMERA.truth.jsonl), or only the frames with crossings or boxes (hand counts of real footage, on the video's clock). Without it, the counts alone are printed." };
        var crossings = new Option<FileInfo?>("--crossings") { Description = "Also write every counted crossing here as truth lines (frame, time, line, direction, class): a draft of hand counts to review against the video." };
        var model = new Option<string?>("--model") { Description = "Manifest model for --detector model (default: the site camera's model)." };
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
        var command = new Command("counts", "Vehicles counted per count line and direction on a video (a twin recording or real footage); with --truth, against ground truth, with queue-length and speed errors.")
        {
            video, truthFile, crossings, model, models, providers, threads, detector, saveDetections, detections, noise, dropout, seed, siteFile, cameraOption, json, trackHigh, trackLow, trackNew,
        };
        command.SetAction((parse, ct) =>
        {
            Detector? onnx = null;
            StreamWriter? saved = null;
            try
            {
                var truthPath = parse.GetValue(truthFile)?.FullName;
                IReadOnlyList<TruthFrame> truth = [];
                if (truthPath is not null)
                {
                    using var reader = File.OpenText(truthPath);
                    truth = TruthReader.Read(reader, truthPath);
                }

                var siteInfo = parse.GetValue(siteFile)!;
                var loaded = SiteFile.Load(siteInfo.FullName);
                if (!loaded.IsValid)
                {
                    Console.Error.WriteLine(loaded.Describe());
                    return Task.FromResult(2);
                }

                var cameraId = parse.GetValue(cameraOption) ?? truth.FirstOrDefault(f => f.Camera is not null)?.Camera
                    ?? throw new ArgumentException(truthPath is null ? "--camera is required without --truth" : $"{truthPath}: no camera named in the truth; pass --camera");
                var modelName = parse.GetValue(model)
                    ?? loaded.Site!.Cameras.FirstOrDefault(c => c.Id == cameraId)?.Model
                    ?? DefaultDetectors.For(loaded.Site!);
                var mode = parse.GetValue(detector)!;
                if (mode == "truth" && truthPath is null)
                {
                    throw new ArgumentException("--detector truth needs --truth: it uses the truth's boxes as detections");
                }

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

                    if (TruthReader.IsDense(truth) && frames.Count != truth.Count)
                    {
                        throw new InvalidDataException($"{file.FullName}: {frames.Count} frames of detections, but the truth file has {truth.Count} lines");
                    }

                    // Saved boxes carry model scores: the model's calibrated tracker thresholds apply to them.
                    var savedBy = ModelManifestFile.Load(ModelManifestFile.PathOf(parse.GetValue(models)!, modelName));
                    tracking = savedBy.Tracking;
                    TakeVehicleClasses(savedBy);
                    detect = (img, t, at) =>
                    {
                        var f = t.Frame < frames.Count ? frames[(int)t.Frame]
                            : throw new InvalidDataException($"{file.FullName}: {frames.Count} frames of detections, but the video has more: not this recording's detections");
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
                    onnx = new Detector(DetectionModel.Load(parse.GetValue(models)!, modelName, options));
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
                var (report, observed, rate) = Run(parse.GetValue(video)!.FullName, truth, loaded.Site!, siteInfo.DirectoryName ?? ".", cameraId, detect, line => Console.Error.WriteLine(line), tracker, vehicleClasses);
                Console.Write(truthPath is null ? CountTable.Of(observed, report.DurationSeconds) : report.ToTable());
                if (parse.GetValue(crossings) is { } crossingsFile)
                {
                    File.WriteAllLines(crossingsFile.FullName, CountTable.AsTruthLines(observed, cameraId, rate));
                    Console.WriteLine($"crossings: {crossingsFile.FullName} ({observed.Counts.Count})");
                }

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
