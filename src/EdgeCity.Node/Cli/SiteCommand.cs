using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using EdgeCity.Domain.Sites;
using EdgeCity.Simulation.Network;
using EdgeCity.Simulation.Twin;

namespace EdgeCity.Node.Cli;

/// <summary><c>edgecity site from-sumo net.xml</c>: any SUMO network becomes a site file (intersections, approaches, plans, cameras).</summary>
public static class SiteCommand
{
    public static Command Build()
    {
        var net = new Argument<FileInfo>("net") { Description = "The SUMO network (.net.xml)." };
        var output = new Option<FileInfo?>("--out") { Description = "Where to write the site file (default: site.json beside the network)." };
        var name = new Option<string?>("--name") { Description = "The site's name (default: the network's file name)." };
        var routes = new Option<FileInfo[]>("--routes") { Description = "Route files for the twin.", AllowMultipleArgumentsPerToken = true };
        var cameras = new Option<bool>("--cameras") { Description = "Add a simulated camera per approach, with count line, lane zones and calibration." };
        var port = new Option<int>("--twin-port") { Description = "Port 'edgecity twin serve' serves the cameras on (goes into the camera URLs).", DefaultValueFactory = _ => 8090 };
        var lights = new Option<string[]>("--tls") { Description = "Only these traffic lights (tlLogic ids).", AllowMultipleArgumentsPerToken = true };
        var fromSumo = new Command("from-sumo", "Generate a site file from a SUMO network: one intersection per traffic light.") { net, output, name, routes, cameras, port, lights };
        fromSumo.SetAction(async (parse, ct) =>
        {
            var netFile = parse.GetValue(net)!;
            var outFile = parse.GetValue(output) ?? new FileInfo(Path.Combine(netFile.DirectoryName ?? ".", "site.json"));
            SumoNetwork network;
            try
            {
                network = SumoNetworkReader.Read(netFile.FullName);
            }
            catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }

            var folder = outFile.DirectoryName ?? ".";
            var site = SiteFromSumo.Generate(
                network,
                parse.GetValue(name) ?? Path.GetFileName(netFile.Name).Replace(".net.xml", string.Empty, StringComparison.Ordinal),
                Path.GetRelativePath(folder, netFile.FullName),
                (parse.GetValue(routes) ?? []).Select(r => Path.GetRelativePath(folder, r.FullName)).ToList(),
                parse.GetValue(cameras),
                parse.GetValue(port),
                parse.GetValue(lights));
            var json = JsonSerializer.Serialize(site, new JsonSerializerOptions(SiteFile.JsonOptions) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull });
            var check = SiteFile.Parse(json, outFile.FullName);
            if (!check.IsValid)
            {
                await Console.Error.WriteLineAsync(check.Describe());
                return 1;
            }

            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(outFile.FullName, json + Environment.NewLine, ct);
            Console.WriteLine($"{outFile.FullName}: site '{site.Name}' with {site.Intersections.Count} intersections, {site.Intersections.Sum(i => i.Approaches.Count)} approaches, {site.Cameras.Count} cameras.");
            return 0;
        });
        return new Command("site", "Site files: generate one from a SUMO network.") { fromSumo };
    }
}
