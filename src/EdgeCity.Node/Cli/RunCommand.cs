using System.CommandLine;
using EdgeCity.Domain.Sites;
using EdgeCity.Node.Hosting;

namespace EdgeCity.Node.Cli;

/// <summary><c>edgecity run --site file</c>: validate a site file and run the node for it.</summary>
public static class RunCommand
{
    public static Command Build()
    {
        var site = new Option<FileInfo>("--site") { Description = "The site file (JSON): intersections, approaches, cameras.", Required = true };
        var check = new Option<bool>("--check") { Description = "Only validate the site file and exit (0 when valid, 2 when not)." };
        var command = new Command("run", "Run a node for a site file (validated first; errors name the field).") { site, check };
        command.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(site)!;
            var result = SiteFile.Load(file.FullName);
            if (!result.IsValid)
            {
                await Console.Error.WriteLineAsync(result.Describe());
                return 2;
            }

            Console.WriteLine($"{file.FullName}: site '{result.Site!.Name}' is valid ({result.Site.Intersections.Count} intersections, {result.Site.Cameras.Count} cameras, times in {result.Site.TimeZone ?? "UTC"}{(result.Site.Assessment is { } a ? $"; a disaster site: inbox {a.Inbox}, {a.Cameras.Count} assessment cameras, {a.Peers.Count} peers, command post {(a.CommandPost is null ? "none" : a.CommandPost.Url)}" : string.Empty)}).");
            if (parse.GetValue(check))
            {
                return 0;
            }

            WebApplication app;
            try
            {
                app = NodeHost.Build(new NodeLaunch { Mode = "run", Site = result.Site, SitePath = file.FullName });
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
