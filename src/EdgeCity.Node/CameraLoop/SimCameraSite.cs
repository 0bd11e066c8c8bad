using EdgeCity.Domain.Sites;
using EdgeCity.Node.Hosting.Cameras;
using EdgeCity.Simulation.Control;
using EdgeCity.Vision.Inference;

namespace EdgeCity.Node.CameraLoop;

/// <summary>What <c>sim --site</c> reads: a site file with a twin (its network and routes) and, for <c>--cameras</c>, its posed cameras and their model.</summary>
public sealed record SimCameraSite(SiteDefinition Site, string Folder)
{
    /// <summary>Simulation seconds between camera frames (the step length of camera runs and of the detector run they are compared with).</summary>
    public const double FrameSeconds = 0.5;

    /// <summary>Loads and validates the site; throws <see cref="ArgumentException"/> naming the file and what is wrong.</summary>
    public static SimCameraSite Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"--site {path}: no such file");
        }

        var loaded = SiteFile.Load(path);
        if (!loaded.IsValid)
        {
            throw new ArgumentException($"--site {path}: {loaded.Describe()}");
        }

        if (loaded.Site!.Twin is null)
        {
            throw new ArgumentException($"--site {path}: the site has no twin section ($.twin): no SUMO network to simulate");
        }

        return new SimCameraSite(loaded.Site, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>The controller the site sets for each SUMO light it names (<c>sumoTls</c>): what the box would run there.</summary>
    public IReadOnlyDictionary<string, string> Controllers =>
        Site.Intersections.Where(i => i.SumoTls is { Length: > 0 }).ToDictionary(i => i.SumoTls!, i => i.Controller.ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>The twin's scenario: its network, routes and additionals; the window from the arguments, else the twin's, else [0, 3600].</summary>
    public SimScenario Scenario(double? begin, double? end)
    {
        var twin = Site.Twin!;
        string Resolve(string p) => Path.GetFullPath(Path.Combine(Folder, p));
        return new SimScenario
        {
            NetFile = Resolve(twin.Net),
            RouteFiles = twin.Routes.Select(Resolve).ToList(),
            AdditionalFiles = twin.Additional.Select(Resolve).ToList(),
            Begin = begin ?? twin.Begin,
            End = end ?? (twin.End > 0 ? twin.End : 3600),
        };
    }

    /// <summary>Loads the cameras' model (one for all); throws <see cref="ArgumentException"/> when the site has no posed camera or the model is missing.</summary>
    public DetectionModel LoadModel(string modelsDirectory)
    {
        var posed = Site.Cameras.Where(c => c.Pose is not null).ToList();
        if (posed.Count == 0)
        {
            throw new ArgumentException($"site '{Site.Name}' has no posed cameras for --cameras (a twin site such as deploy/sites/demo/site.json, or `site from-sumo --cameras` output)");
        }

        var models = posed.Select(c => c.Model).Distinct(StringComparer.Ordinal).ToList();
        if (models.Count > 1)
        {
            throw new ArgumentException($"site '{Site.Name}': sim --cameras runs one model; the cameras name {string.Join(", ", models)}");
        }

        var folder = DemoCameraSetup.FindModels(modelsDirectory, Folder, models)
            ?? throw new ArgumentException($"model file {Path.Combine(modelsDirectory, models[0] + ".onnx")} (and its manifest) not found");
        return DetectionModel.Load(folder, models[0], new DetectorOptions { IntraOpThreads = Math.Max(1, Environment.ProcessorCount) });
    }
}
