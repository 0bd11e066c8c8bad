using System.CommandLine;
using EdgeCity.Node.Hosting;

namespace EdgeCity.Node.Cli;

/// <summary><c>edgecity demo</c>: the whole node on loopback with its embedded default, as a single-node cluster.</summary>
public static class DemoCommand
{
    public static Command Build()
    {
        var port = new Option<int>("--port") { Description = "HTTP port for the start page, /metrics and /healthz (127.0.0.1).", DefaultValueFactory = _ => 5080 };
        var command = new Command("demo", "Run the demo on loopback: a single-node cluster serving the start page, /metrics and /healthz.") { port };
        command.SetAction(async (parse, ct) =>
        {
            var app = NodeHost.Build(new NodeLaunch
            {
                Mode = "demo",
                HttpUrls = $"http://127.0.0.1:{parse.GetValue(port)}",
                ClusterPort = 0,
            });
            await app.RunAsync();
            return 0;
        });
        return command;
    }
}
