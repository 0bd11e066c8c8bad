using System.CommandLine;
using EdgeCity.Domain.Sites;
using EdgeCity.Vision.Evaluation;
using OpenCvSharp;

namespace EdgeCity.Node.Cli;

/// <summary>
/// <c>edgecity eval slit</c>: the labelling aid for hand counts. One slit-scan image per count line of a camera (the
/// line's pixels, one row per frame), where every crossing vehicle is a blob to count and time.
/// </summary>
public static class EvalSlitCommand
{
    public static Command Build()
    {
        var video = new Option<FileInfo>("--video") { Description = "The clip to count.", Required = true };
        var siteFile = new Option<FileInfo>("--site") { Description = "Site file with the camera's count lines.", Required = true };
        var cameraOption = new Option<string>("--camera") { Description = "The camera in the site.", Required = true };
        var outOption = new Option<DirectoryInfo>("--out") { Description = "Folder for the images (<camera>-<line>.png).", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var seconds = new Option<double>("--seconds-per-column") { Description = "Seconds of video per column before the image wraps.", DefaultValueFactory = _ => 10 };
        var command = new Command("slit", "Slit-scan images of a camera's count lines (the line's pixels, one row per frame): each crossing vehicle is one blob, to count a clip by hand.")
        {
            video, siteFile, cameraOption, outOption, seconds,
        };
        command.SetAction(parse =>
        {
            var loaded = SiteFile.Load(parse.GetValue(siteFile)!.FullName);
            if (!loaded.IsValid)
            {
                Console.Error.WriteLine(loaded.Describe());
                return 2;
            }

            var cameraId = parse.GetValue(cameraOption)!;
            var camera = loaded.Site!.Cameras.FirstOrDefault(c => c.Id == cameraId);
            if (camera is null || camera.CountLines.Count == 0)
            {
                Console.Error.WriteLine(camera is null
                    ? $"site '{loaded.Site.Name}' has no camera '{cameraId}' (has: {string.Join(", ", loaded.Site.Cameras.Select(c => c.Id))})"
                    : $"camera '{cameraId}' has no count lines to scan");
                return 2;
            }

            var path = parse.GetValue(video)!.FullName;
            using var capture = new VideoCapture(path);
            if (!capture.IsOpened() || !(capture.Fps > 0))
            {
                Console.Error.WriteLine($"{path}: OpenCV cannot open the video or it states no frame rate");
                return 2;
            }

            var perColumn = Math.Max(1, (int)Math.Round(parse.GetValue(seconds) * capture.Fps));
            var scans = camera.CountLines.Select(l => (Line: l, Scan: new SlitScan((l.From[0], l.From[1]), (l.To[0], l.To[1]), capture.Fps, perColumn))).ToList();
            using var frame = new Mat();
            while (capture.Read(frame) && !frame.Empty())
            {
                foreach (var (_, scan) in scans)
                {
                    scan.Add(frame);
                }
            }

            var outDir = parse.GetValue(outOption)!;
            outDir.Create();
            foreach (var (line, scan) in scans)
            {
                var file = Path.Combine(outDir.FullName, $"{cameraId}-{line.Id}.png");
                using var image = scan.Render();
                image.SaveImage(file);
                Console.WriteLine($"{file}: line {line.Id}, {scan.Frames} frames down, {scan.Samples} samples across (from -> to, left -> right); a tick each second, the frame number each 10 s");
            }

            return 0;
        });
        return command;
    }
}
