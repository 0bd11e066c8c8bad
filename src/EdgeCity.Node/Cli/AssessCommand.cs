using System.CommandLine;
using System.Globalization;
using EdgeCity.Actors.Assessment;
using EdgeCity.Domain.Assessment;
using EdgeCity.Vision.Assessment;
using EdgeCity.Vision.Inference;

namespace EdgeCity.Node.Cli;

/// <summary>
/// <c>edgecity assess</c>: a disaster site's photos and drone videos into findings (people, vehicles) with positions,
/// printed as they are stored, kept in the box's finding store and written as GeoJSON (and CSV/KML on request).
/// </summary>
public static class AssessCommand
{
    public static Command Build()
    {
        var images = new Option<string>("--images") { Description = "A folder of photos and videos, one photo (JPEG with EXIF position and time) or one video (with its drone SRT beside it).", Required = true };
        var store = new Option<string>("--store") { Description = "The finding store (SQLite); findings are acknowledged once written to it.", DefaultValueFactory = _ => "assessment/findings.db" };
        var geojson = new Option<string?>("--geojson") { Description = "GeoJSON of every finding in the store, written at the end (default: findings.geojson beside the store)." };
        var csv = new Option<string?>("--csv") { Description = "Also write the findings as CSV here." };
        var kml = new Option<string?>("--kml") { Description = "Also write the findings as KML here." };
        var model = new Option<string>("--model") { Description = "Detector for people and vehicles (a manifest in --models).", DefaultValueFactory = _ => "nanodet-m-416" };
        var damageModel = new Option<string?>("--damage-model") { Description = "A damage model for damaged buildings (xBD grades) and blocked roads (a tileClassification manifest in --models; edgecity-damage-demo is a demonstration)." };
        var models = new Option<string>("--models") { Description = "Folder with the model manifests.", DefaultValueFactory = _ => "models" };
        var providers = new Option<string>("--providers") { Description = "Execution providers to try, in order (tensorrt,cuda,cpu).", DefaultValueFactory = _ => "tensorrt,cuda,cpu" };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime intra-op threads.", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount) };
        var every = new Option<double>("--every") { Description = "Seconds between sampled video frames.", DefaultValueFactory = _ => 2.0 };
        var telemetry = new Option<string?>("--telemetry") { Description = "Telemetry for the videos: a drone SRT or a GPX track (default: the SRT beside each video)." };
        var videoStart = new Option<string?>("--video-start") { Description = "Wall-clock time of a video's first frame (ISO 8601), to place it on a GPX track." };
        var minConfidence = new Option<double>("--min-confidence") { Description = "Detections below this are no finding.", DefaultValueFactory = _ => new AssessorOptions().MinConfidence };
        var tile = new Option<int>("--tile") { Description = "Tile side in pixels for images larger than one tile (0: the model's input size; smaller finds smaller objects, slower)." };
        var noBlur = new Option<bool>("--no-blur") { Description = "Keep faces in thumbnails (they are blurred by default)." };
        var node = new Option<string>("--node") { Description = "This box's name, recorded with each finding.", DefaultValueFactory = _ => Environment.MachineName };
        var command = new Command("assess", "Assess a disaster site's imagery: people and vehicles found in photos and drone video, with positions, stored on the box and written as GeoJSON.")
        {
            images, store, geojson, csv, kml, model, damageModel, models, providers, threads, every, telemetry, videoStart, minConfidence, tile, noBlur, node,
        };
        command.SetAction(parse =>
        {
            IReadOnlyList<string> files;
            TelemetryTrack? track = null;
            DateTimeOffset? start = null;
            DetectorOptions detectorOptions;
            try
            {
                files = AssessmentInputs.Files(parse.GetValue(images)!);
                if (parse.GetValue(tile) is var side and (< 0 or (> 0 and < 64)))
                {
                    throw new ArgumentException($"--tile {side}: a tile is 0 (the model's input size) or at least 64 pixels");
                }

                if (!(parse.GetValue(every) > 0))
                {
                    throw new ArgumentException($"--every {parse.GetValue(every)}: the seconds between video frames must be positive");
                }

                detectorOptions = new DetectorOptions { IntraOpThreads = parse.GetValue(threads), MaxBatch = 1, Providers = Providers(parse.GetValue(providers)!) };
                if (parse.GetValue(videoStart) is { } s)
                {
                    start = DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t
                        : throw new ArgumentException($"--video-start '{s}' is not an ISO 8601 time (e.g. 2026-12-05T08:00:00Z)");
                }

                if (parse.GetValue(telemetry) is { } tel)
                {
                    track = ReadTrack(tel);
                    if (Path.GetExtension(tel).Equals(".gpx", StringComparison.OrdinalIgnoreCase) && start is null)
                    {
                        throw new ArgumentException("--telemetry with a GPX track needs --video-start: a GPX track is on the wall clock, a video on its own");
                    }
                }
            }
            catch (Exception e) when (e is ArgumentException or FileNotFoundException or FormatException or IOException)
            {
                Console.Error.WriteLine($"assess: {e.Message}");
                return 2;
            }

            if (files.Count == 0)
            {
                Console.Error.WriteLine($"assess: no photos or videos in {Path.GetFullPath(parse.GetValue(images)!)} ({string.Join(" ", AssessmentInputs.PhotoExtensions.Concat(AssessmentInputs.VideoExtensions))})");
                return 2;
            }

            DetectionModel detectionModel;
            DamageClassifier? damage = null;
            try
            {
                detectionModel = DetectionModel.Load(parse.GetValue(models)!, parse.GetValue(model)!, detectorOptions);
                if (parse.GetValue(damageModel) is { Length: > 0 } damageName)
                {
                    damage = DamageClassifier.Load(parse.GetValue(models)!, damageName, detectorOptions);
                }
            }
            catch (ModelLoadException e)
            {
                Console.Error.WriteLine($"assess: {e.Message}");
                return 2;
            }

            var options = new AssessorOptions { MinConfidence = parse.GetValue(minConfidence), TileSize = parse.GetValue(tile), BlurFaces = !parse.GetValue(noBlur) };
            using (detectionModel)
            using (damage)
            using (var assessor = new ImageAssessor(detectionModel, options, damage))
            using (var findings = new FindingStore(parse.GetValue(store)!))
            {
                Console.WriteLine($"assess: {files.Count} file(s), model {detectionModel.Name} on {detectionModel.ProviderLabel}, tiles of {assessor.TileSize} px{(damage is null ? "" : $", damage model {damage.Manifest.Name}{(damage.Manifest.Demonstration ? " (a demonstration: trained on drawn imagery)" : "")}")}, store {findings.Path}");
                using var cancel = new CancellationTokenSource();
                Console.CancelKeyPress += (_, e) =>
                {
                    e.Cancel = true;
                    cancel.Cancel();
                };
                var summary = new AssessmentRun(assessor, findings, parse.GetValue(node)!, parse.GetValue(every), track, start).Run(files, new ConsoleAssessmentObserver(), cancel.Token);
                var all = findings.All();
                var geo = parse.GetValue(geojson) ?? Path.Combine(Path.GetDirectoryName(findings.Path)!, "findings.geojson");
                Write(geo, FindingExport.GeoJson(all));
                if (parse.GetValue(csv) is { } c)
                {
                    Write(c, FindingExport.Csv(all));
                }

                if (parse.GetValue(kml) is { } k)
                {
                    Write(k, FindingExport.Kml(all, Path.GetFileNameWithoutExtension(findings.Path)));
                }

                var byKind = string.Join(", ", all.GroupBy(f => f.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {FindingKinds.Name(g.Key)}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"assess: {summary.Assessed} image(s) assessed, {summary.Skipped} assessed before, {summary.Problems} problem(s); {summary.Findings} finding(s), {summary.Added} new; store holds {all.Count} ({(byKind.Length > 0 ? byKind : "none")}); {summary.ImagesPerMinute:F1} images/min; GeoJSON {Path.GetFullPath(geo)}"));
                return summary.Problems > 0 ? 3 : 0;
            }
        });
        return command;
    }

    internal static ExecutionProvider[] Providers(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p =>
            Enum.TryParse<ExecutionProvider>(p, ignoreCase: true, out var e) && !int.TryParse(p, out _) ? e
                : throw new ArgumentException($"--providers: '{p}' is not an execution provider (tensorrt, cuda, cpu)")).ToArray();

    private static TelemetryTrack ReadTrack(string path)
    {
        var text = File.ReadAllText(path);
        var (track, _) = Path.GetExtension(path).Equals(".gpx", StringComparison.OrdinalIgnoreCase) ? GpxTrack.Parse(text, path) : SrtTelemetry.Parse(text, path);
        return track.Count > 0 ? track : throw new FormatException($"{path}: no position in the telemetry");
    }

    private static void Write(string path, string content)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // Written beside and moved over: a reader never sees half a file.
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
