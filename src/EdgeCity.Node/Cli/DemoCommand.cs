using System.CommandLine;
using EdgeCity.Domain.Control.Controllers;
using EdgeCity.Node.Hosting;

namespace EdgeCity.Node.Cli;

/// <summary>
/// <c>edgecity demo</c>: the closed loop on the demo site, on loopback as a single-node cluster: the SUMO twin, its
/// cameras over MJPEG decoded by camera actors, the shipped model and per-camera analytics measuring for one coordinator
/// per intersection, which commands SUMO through TraCI (<c>--measure detectors</c>: SUMO's detectors instead).
/// </summary>
public static class DemoCommand
{
    public static Command Build()
    {
        var port = new Option<int>("--port") { Description = "HTTP port for the start page, /metrics and /healthz (127.0.0.1).", DefaultValueFactory = _ => 5080 };
        var controller = new Option<string?>("--controller") { Description = $"Controller for every intersection instead of the site's: {string.Join(", ", SignalControllers.Names)}." };
        var measure = new Option<string>("--measure")
        {
            Description = "What the coordinators measure with: 'cameras' (default: MJPEG decoding, the shipped model, analytics per camera; "
                + "approaches without a camera use SUMO detectors, and a missing or broken model falls back to them) or 'detectors' (SUMO detectors only). "
                + "Inference rate per camera: EdgeCity:Demo:CameraFps (default 2).",
            DefaultValueFactory = _ => "cameras",
        };
        measure.AcceptOnlyFromAmong("cameras", "detectors");
        var cameras = new Option<bool>("--cameras") { Description = "Same as --measure cameras (the default)." };
        var command = new Command("demo", "Run the demo on loopback: the closed loop on the demo site's SUMO twin, with the start page, /metrics and /healthz.") { port, controller, measure, cameras };
        command.SetAction(async (parse, ct) =>
        {
            var name = parse.GetValue(controller)?.ToLowerInvariant();
            if (name is not null && !SignalControllers.Names.Contains(name))
            {
                await Console.Error.WriteLineAsync($"--controller: unknown controller '{name}'; known: {string.Join(", ", SignalControllers.Names)}");
                return 2;
            }

            var onCameras = parse.GetValue(measure) == "cameras";
            if (parse.GetValue(cameras) && !onCameras)
            {
                await Console.Error.WriteLineAsync("--cameras and --measure detectors contradict each other: choose one");
                return 2;
            }

            WebApplication app;
            try
            {
                app = NodeHost.Build(new NodeLaunch
                {
                    Mode = "demo",
                    HttpUrls = $"http://127.0.0.1:{parse.GetValue(port)}",
                    ClusterPort = 0,
                    Controller = name,
                    Cameras = onCameras,
                });
            }
            catch (NodeConfigurationException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }

            await app.RunAsync();
            return 0;
        });
        return command;
    }
}
