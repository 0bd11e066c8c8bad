using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using EdgeCity.Domain.Sites;
using EdgeCity.Simulation.Twin;
using OpenCvSharp;

namespace EdgeCity.Node.Cli;

/// <summary><c>edgecity twin serve|record</c>: run a site's SUMO twin and its simulated cameras.</summary>
public static class TwinCommand
{
    public static Command Build()
    {
        var twin = new Command("twin", "Run a site's SUMO twin: simulated cameras as MJPEG over HTTP, or recorded with ground truth.");
        twin.Subcommands.Add(BuildServe());
        twin.Subcommands.Add(BuildRecord());
        return twin;
    }

    private static Option<FileInfo> SiteOption() => new("--site") { Description = "The site file with a twin section and posed cameras.", Required = true };

    private static Command BuildServe()
    {
        var site = SiteOption();
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 8090 };
        var cameras = new Option<string[]>("--camera") { Description = "Only these cameras (default: all posed cameras).", AllowMultipleArgumentsPerToken = true };
        var seconds = new Option<double?>("--seconds") { Description = "Stop after this much simulated time (default: until Ctrl+C or the scenario ends)." };
        var warmupServe = new Option<double>("--warmup") { Description = "Simulated seconds to run before serving (so the network fills).", DefaultValueFactory = _ => 0 };
        var command = new Command("serve", "Serve the site's simulated cameras as MJPEG on http://127.0.0.1:PORT/CAMERA.mjpg, at simulation real time.") { site, port, cameras, seconds, warmupServe };
        command.SetAction(async (parse, ct) =>
        {
            if (Load(parse.GetValue(site)!) is not { } loaded)
            {
                return 2;
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            using var simulation = await StartTwin(loaded, parse.GetValue(cameras), stop.Token);
            if (simulation is null)
            {
                return 2;
            }

            if (parse.GetValue(warmupServe) is > 0 and var ahead)
            {
                simulation.Sumo.Traci.Step(simulation.Sumo.Traci.Time + ahead);
            }

            await using var server = new MjpegServer(simulation.Renderers.Select(r => r.CameraId), parse.GetValue(port));
            foreach (var r in simulation.Renderers)
            {
                Console.WriteLine($"camera {r.CameraId}: {server.UrlOf(r.CameraId)}");
            }

            var stats = new RenderStats(simulation.Sumo.Traci.Time / simulation.StepLength);
            var encode = new ImageEncodingParam(ImwriteFlags.JpegQuality, 80);
            var run = new Thread(() => simulation.Run((renderer, image, truth) =>
            {
                var jpeg = image.ImEncode(".jpg", encode);
                server.Publish(renderer.CameraId, jpeg);
            }, realTime: true, parse.GetValue(seconds), stop.Token))
            { IsBackground = true, Name = "twin" };
            stats.Start();
            run.Start();
            while (run.IsAlive)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), stop.Token).ContinueWith(_ => { }, CancellationToken.None);
                var (fps, busy) = stats.Sample(simulation.Sumo.Traci.Time / simulation.StepLength, Process.GetCurrentProcess().TotalProcessorTime);
                if (run.IsAlive)
                {
                    Console.WriteLine($"t={simulation.Sumo.Traci.Time:F0}s {fps:F1} frames/s per camera, {simulation.Renderers.Count} cameras, CPU {busy:P0} of one core, {server.ConnectedClients} clients, {server.FramesSkipped} frames skipped by slow clients");
                }
            }

            run.Join();
            Console.WriteLine($"{simulation.FramesRendered} frames: {simulation.RenderTime.TotalMilliseconds / Math.Max(1, simulation.FramesRendered):F2} ms per camera frame (render + JPEG), SUMO step + TraCI {simulation.SimulationTime.TotalMilliseconds / Math.Max(1, simulation.FramesRendered / Math.Max(1, simulation.Renderers.Count)):F2} ms per step");
            return 0;
        });
        return command;
    }

    private static Command BuildRecord()
    {
        var site = SiteOption();
        var camera = new Option<string>("--camera") { Description = "The camera to record.", Required = true };
        var seconds = new Option<double>("--seconds") { Description = "Simulated seconds to record.", DefaultValueFactory = _ => 30 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for CAMERA.avi and CAMERA.truth.jsonl.", Required = true };
        var skip = new Option<double>("--warmup") { Description = "Simulated seconds to run before recording (so the network fills).", DefaultValueFactory = _ => 0 };
        var command = new Command("record", "Record one simulated camera to a video file plus its per-frame ground truth (JSON lines).") { site, camera, seconds, output, skip };
        command.SetAction(async (parse, ct) =>
        {
            if (Load(parse.GetValue(site)!) is not { } loaded)
            {
                return 2;
            }

            var cameraId = parse.GetValue(camera)!;
            using var simulation = await StartTwin(loaded, [cameraId], ct);
            if (simulation is null)
            {
                return 2;
            }

            var renderer = simulation.Renderers[0];
            var warmup = parse.GetValue(skip);
            if (warmup > 0)
            {
                simulation.Sumo.Traci.Step(simulation.Sumo.Traci.Time + warmup);
            }

            using var recording = new TwinRecording(parse.GetValue(output)!.FullName, cameraId, 1 / simulation.StepLength, renderer.Camera.Width, renderer.Camera.Height);
            var clock = Stopwatch.StartNew();
            long objects = 0;
            var steps = simulation.Run((_, image, truth) =>
            {
                recording.Write(image, truth);
                objects += truth.Vehicles.Count;
            }, realTime: false, parse.GetValue(seconds), ct);
            Console.WriteLine($"{recording.VideoPath}: {recording.Frames} frames, {objects} vehicle boxes; truth in {recording.TruthPath}");
            Console.WriteLine($"{steps} steps in {clock.Elapsed.TotalSeconds:F1} s: {clock.Elapsed.TotalMilliseconds / Math.Max(1, steps):F1} ms per frame (simulate + render + write), of which render + write {simulation.RenderTime.TotalMilliseconds / Math.Max(1, simulation.FramesRendered):F2} ms");
            return 0;
        });
        return command;
    }

    private static async Task<SiteTwin?> StartTwin((SiteDefinition Site, string Folder) loaded, IReadOnlyCollection<string>? cameras, CancellationToken ct)
    {
        try
        {
            return await SiteTwin.StartAsync(loaded.Site, loaded.Folder, cameras, line => Console.Error.WriteLine($"sumo: {line}"), ct);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or InvalidDataException or FileNotFoundException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return null;
        }
    }

    private static (SiteDefinition Site, string Folder)? Load(FileInfo file)
    {
        var result = SiteFile.Load(file.FullName);
        if (!result.IsValid)
        {
            Console.Error.WriteLine(result.Describe());
            return null;
        }

        if (result.Site!.Twin is null)
        {
            Console.Error.WriteLine($"{file.FullName}: $.twin: the site has no SUMO twin");
            return null;
        }

        return (result.Site, file.DirectoryName ?? ".");
    }

    /// <summary>Frames per second and CPU use between two samples.</summary>
    private sealed class RenderStats(double startStep)
    {
        private readonly Stopwatch _clock = new();
        private double _lastSteps = startStep;
        private TimeSpan _lastCpu;
        private TimeSpan _lastWall;

        public void Start()
        {
            _clock.Start();
            _lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
        }

        public (double Fps, double Busy) Sample(double steps, TimeSpan cpu)
        {
            var wall = _clock.Elapsed - _lastWall;
            var result = ((steps - _lastSteps) / wall.TotalSeconds, (cpu - _lastCpu) / wall);
            (_lastSteps, _lastCpu, _lastWall) = (steps, cpu, _clock.Elapsed);
            return result;
        }
    }
}
