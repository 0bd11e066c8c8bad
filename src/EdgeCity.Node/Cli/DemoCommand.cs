using System.CommandLine;
using EdgeCity.Domain.Control.Controllers;
using EdgeCity.Node.Hosting;

namespace EdgeCity.Node.Cli;

/// <summary>
/// <c>edgecity demo</c>: the closed loop on the demo site, on loopback as a single-node cluster: the SUMO twin, its
/// cameras over MJPEG, one coordinator per intersection commanding SUMO through TraCI from SUMO's detectors.
/// </summary>
public static class DemoCommand
{
    public static Command Build()
    {
        var port = new Option<int>("--port") { Description = "HTTP port for the start page, /metrics and /healthz (127.0.0.1).", DefaultValueFactory = _ => 5080 };
        var controller = new Option<string?>("--controller") { Description = $"Controller for every intersection instead of the site's: {string.Join(", ", SignalControllers.Names)}." };
        var cameras = new Option<bool>("--cameras") { Description = "Measure through the camera path (decoding, inference, analytics) instead of SUMO's detectors." };
        var command = new Command("demo", "Run the demo on loopback: the closed loop on the demo site's SUMO twin, with the start page, /metrics and /healthz.") { port, controller, cameras };
        command.SetAction(async (parse, ct) =>
        {
            var name = parse.GetValue(controller)?.ToLowerInvariant();
            if (name is not null && !SignalControllers.Names.Contains(name))
            {
                await Console.Error.WriteLineAsync($"--controller: unknown controller '{name}'; known: {string.Join(", ", SignalControllers.Names)}");
                return 2;
            }

            var app = NodeHost.Build(new NodeLaunch
            {
                Mode = "demo",
                HttpUrls = $"http://127.0.0.1:{parse.GetValue(port)}",
                ClusterPort = 0,
                Controller = name,
                Cameras = parse.GetValue(cameras),
            });
            await app.RunAsync();
            return 0;
        });
        return command;
    }
}
