using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EdgeCity.Actors.Assessment;
using EdgeCity.Domain.Assessment;
using EdgeCity.Vision.Assessment;
using EdgeCity.Vision.Inference;
using OpenCvSharp;

namespace EdgeCity.Node.Cli;

/// <summary>
/// <c>edgecity bench assess</c>: assessment throughput from ingest to a stored finding, on 4000x3000 JPEG stills and a
/// 4K H.264 video, both made from the project's real footage (upscaled) in a scratch folder: read, decode, EXIF,
/// detect (whole image and tiles), thumbnails, SQLite commit. Medians of the rounds.
/// </summary>
public static class AssessBenchCommand
{
    public static Command Build()
    {
        var model = new Option<string>("--model") { Description = "Detector.", DefaultValueFactory = _ => "nanodet-m-416" };
        var models = new Option<string>("--models") { Description = "Folder with the model manifests.", DefaultValueFactory = _ => "models" };
        var providers = new Option<string>("--providers") { Description = "Execution providers to try, in order.", DefaultValueFactory = _ => "cpu" };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime intra-op threads.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var stills = new Option<int>("--stills") { Description = "4000x3000 stills per round.", DefaultValueFactory = _ => 6 };
        var videoSeconds = new Option<int>("--video-seconds") { Description = "Length of the 4K video (0: no video).", DefaultValueFactory = _ => 10 };
        var every = new Option<double>("--every") { Description = "Seconds between sampled video frames.", DefaultValueFactory = _ => 2.0 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds (medians reported).", DefaultValueFactory = _ => 3 };
        var tile = new Option<int>("--tile") { Description = "Tile side (0: the model's input size)." };
        var command = new Command("assess", "Benchmark disaster-site assessment: 4000x3000 stills and 4K video frames per minute, from ingest to a stored finding.")
        {
            model, models, providers, threads, stills, videoSeconds, every, rounds, tile,
        };
        command.SetAction(parse =>
        {
            var scratch = Directory.CreateTempSubdirectory("edgecity-bench-assess-");
            try
            {
                var options = new DetectorOptions
                {
                    IntraOpThreads = parse.GetValue(threads),
                    MaxBatch = 1,
                    Providers = AssessCommand.Providers(parse.GetValue(providers)!),
                };
                using var detectionModel = DetectionModel.Load(parse.GetValue(models)!, parse.GetValue(model)!, options);
                using var assessor = new ImageAssessor(detectionModel, new AssessorOptions { TileSize = parse.GetValue(tile) });
                var stillFolder = MakeStills(parse.GetValue(models)!, scratch.FullName, parse.GetValue(stills));
                var video = parse.GetValue(videoSeconds) > 0 ? MakeVideo(parse.GetValue(models)!, scratch.FullName, parse.GetValue(videoSeconds)) : null;
                Console.Error.WriteLine($"bench assess: {detectionModel.Name} on {detectionModel.ProviderLabel}, {parse.GetValue(threads)} threads, tiles of {assessor.TileSize} px; stills and video in {scratch.FullName}");
                var stillRates = new List<double>();
                var videoRates = new List<double>();
                var realTime = new List<double>();
                var passes = 0;
                var found = 0;
                for (var r = 0; r < parse.GetValue(rounds); r++)
                {
                    var summary = Run(assessor, scratch.FullName, $"stills-{r}", AssessmentInputs.Files(stillFolder), parse.GetValue(every));
                    stillRates.Add(summary.ImagesPerMinute);
                    passes = assessor.LastPasses;
                    found = summary.Findings;
                    if (video is not null)
                    {
                        var v = Run(assessor, scratch.FullName, $"video-{r}", [video], parse.GetValue(every));
                        videoRates.Add(v.ImagesPerMinute);
                        realTime.Add(parse.GetValue(videoSeconds) / v.Elapsed.TotalSeconds);
                    }

                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {r + 1}: stills {stillRates[^1]:F1}/min{(video is null ? "" : $", video frames {videoRates[^1]:F1}/min, {realTime[^1]:F2}x real time")}"));
                }

                var c = CultureInfo.InvariantCulture;
                var stillSeconds = 60 / Median(stillRates);
                Console.WriteLine(string.Create(c, $"""
                    | assessment, {detectionModel.Name} on {detectionModel.ProviderLabel}, {parse.GetValue(threads)} intra-op threads, {Environment.ProcessorCount} cores, {parse.GetValue(rounds)} rounds (medians) | value |
                    | --- | --- |
                    | 4000x3000 JPEG stills, ingest to stored finding ({passes} detector passes each: whole + {assessor.TileSize} px tiles; {found} findings in {parse.GetValue(stills)} stills) | {Median(stillRates):F1} images/min ({stillSeconds:F2} s each) |
                    | one drone photo every 2 s kept up with | {(stillSeconds <= 2 ? "yes" : "no")} |
                    """));
                if (video is not null)
                {
                    Console.WriteLine(string.Create(c, $"""
                        | 4K (3840x2160) H.264 video at 30 fps, a frame every {parse.GetValue(every)} s, ingest (all frames decoded) to stored finding | {Median(videoRates):F1} frames/min |
                        | video assessed per wall-clock second | {Median(realTime):F2} s of video |
                        """));
                }

                return 0;
            }
            catch (Exception e) when (e is ArgumentException or ModelLoadException)
            {
                Console.Error.WriteLine($"bench assess: {e.Message}");
                return 2;
            }
            finally
            {
                scratch.Delete(recursive: true);
            }
        });
        return command;
    }

    private static AssessmentSummary Run(ImageAssessor assessor, string scratch, string name, IReadOnlyList<string> files, double every)
    {
        using var store = new FindingStore(Path.Combine(scratch, name + ".db"));
        return new AssessmentRun(assessor, store, "bench", every).Run(files, NullObserver.Instance);
    }

    /// <summary>The committed sample's frames, upscaled to 4000x3000 and made distinct (no two stills share a digest).</summary>
    private static string MakeStills(string modelsFolder, string scratch, int count)
    {
        var folder = Directory.CreateDirectory(Path.Combine(scratch, "stills")).FullName;
        var sources = Directory.GetFiles(Path.Combine(modelsFolder, "testdata", "assessment"), "*.jpg");
        Array.Sort(sources, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            using var src = Cv2.ImRead(sources[i % sources.Length]);
            using var big = new Mat();
            Cv2.Resize(src, big, new Size(4000, 3000), 0, 0, InterpolationFlags.Cubic);
            Cv2.ImEncode(".jpg", big, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, 92));
            File.WriteAllBytes(Path.Combine(folder, $"DJI_{i:0000}.JPG"), [.. jpeg, .. BitConverter.GetBytes(i)]);
        }

        return folder;
    }

    /// <summary>The real overpass clip, upscaled to 3840x2160 H.264 at 30 fps and looped to the length asked (system ffmpeg).</summary>
    private static string MakeVideo(string modelsFolder, string scratch, int seconds)
    {
        var clip = Path.Combine(modelsFolder, "testdata", "real", "motorway-overpass.mp4");
        var video = Path.Combine(scratch, "DJI_0001.MP4");
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-loglevel", "error", "-y", "-stream_loop", "-1", "-i", clip, "-t", seconds.ToString(CultureInfo.InvariantCulture), "-vf", "scale=3840:2160", "-r", "30", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", video })
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start");
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 ? video : throw new InvalidOperationException($"ffmpeg could not make the 4K video from {clip}: {error.Trim()}");
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count == 0 ? double.NaN : s.Count % 2 == 1 ? s[s.Count / 2] : (s[(s.Count / 2) - 1] + s[s.Count / 2]) / 2;
    }

    private sealed class NullObserver : IAssessmentObserver
    {
        public static readonly NullObserver Instance = new();

        public void Stored(Finding finding)
        {
        }

        public void Assessed(int file, int files, IngestedImage image, int findings, int added, TimeSpan took)
        {
        }

        public void Skipped(int file, int files, IngestedImage image)
        {
        }

        public void Problem(IngestProblem problem) => Console.Error.WriteLine($"bench assess: {problem.Source}: {problem.Reason}");
    }
}
