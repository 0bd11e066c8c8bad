using EdgeCity.Actors.Cameras;
using EdgeCity.Domain.Sites;

namespace EdgeCity.Node.Hosting.Cameras;

/// <summary>Plans the demo's camera path from the configuration: finds the cameras' model files and sets the inference rate.</summary>
public static class DemoCameraSetup
{
    /// <summary>
    /// Frames per second each camera hands to inference unless <c>EdgeCity:Demo:CameraFps</c> says otherwise: 12
    /// cameras at 2 fps are 24 model runs a second, which 2 cores carry beside SUMO, rendering and 12 MJPEG decoders.
    /// </summary>
    public const double DefaultFramesPerSecond = 2;

    /// <summary>The plan, or null with <paramref name="why"/> when the site has no cameras or a model file is missing.</summary>
    public static DemoCameraPlan? Plan(SiteDefinition site, IConfiguration configuration, string siteFolder, out string why)
    {
        why = string.Empty;
        if (site.Cameras.Count == 0)
        {
            why = $"site '{site.Name}' has no cameras";
            return null;
        }

        var options = configuration.GetSection("EdgeCity:Cameras").Get<CameraPipelineOptions>() ?? new CameraPipelineOptions();
        var models = site.Cameras.Select(c => c.Model).Distinct(StringComparer.Ordinal).ToList();
        var folder = FindModels(options.ModelsDirectory, siteFolder, models);
        if (folder is null)
        {
            why = $"camera path off: model file {Path.Combine(options.ModelsDirectory, models[0] + ".onnx")} not found (EdgeCity:Cameras:ModelsDirectory)";
            return null;
        }

        options.ModelsDirectory = folder;
        var fps = configuration.GetValue("EdgeCity:Demo:CameraFps", DefaultFramesPerSecond);
        return new DemoCameraPlan(models, options, fps > 0 ? fps : DefaultFramesPerSecond);
    }

    /// <summary>The configured models folder as given, beside the binary, or in the repository holding the site; the first with every model.</summary>
    public static string? FindModels(string configured, string siteFolder, IReadOnlyList<string> models)
    {
        var candidates = new List<string> { configured, Path.Combine(AppContext.BaseDirectory, configured) };
        for (var dir = new DirectoryInfo(siteFolder); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, configured));
        }

        return candidates.Select(Path.GetFullPath).FirstOrDefault(dir => models.All(m => File.Exists(Path.Combine(dir, m + ".onnx")) && File.Exists(Path.Combine(dir, m + ".json"))));
    }
}
