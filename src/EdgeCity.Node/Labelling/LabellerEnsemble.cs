using EdgeCity.Vision.Inference;

namespace EdgeCity.Node.Labelling;

/// <summary>The detectors a <see cref="FootageLabeller"/> labels with, loaded from comma-separated manifest names, and disposed together.</summary>
public sealed class LabellerEnsemble : IDisposable
{
    private readonly List<DetectionModel> _models = [];
    private readonly List<Detector> _detectors = [];

    private LabellerEnsemble()
    {
    }

    public IReadOnlyList<Detector> Detectors => _detectors;

    /// <summary>
    /// Loads each named model (ModelLoadException or ModelManifestException naming a bad one; the ones loaded are
    /// released); a dynamic-batch model takes up to <paramref name="looks"/> frames a run (a frame's looks at once).
    /// </summary>
    public static LabellerEnsemble Load(string modelsFolder, string names, DetectorOptions options, int looks = 1)
    {
        var list = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (list.Length == 0)
        {
            throw new ArgumentException("--model: no model named");
        }

        var ensemble = new LabellerEnsemble();
        try
        {
            foreach (var name in list.Distinct())
            {
                var model = DetectionModel.Load(modelsFolder, name, options with { MaxBatch = Math.Max(1, looks) });
                ensemble._models.Add(model);
                ensemble._detectors.Add(new Detector(model));
            }
        }
        catch
        {
            ensemble.Dispose();
            throw;
        }

        return ensemble;
    }

    /// <summary>One line: which models on which providers, and how they look at each frame.</summary>
    public string Describe(LabellerLooks looks) =>
        string.Join(" + ", _models.Select(m => $"{m.Name} on {m.ProviderLabel}"))
        + (looks.Plain ? ", one look at each frame" : $", as is and mirrored{(looks.TilesAcross > 0 ? $" and in {looks.TilesAcross}x{looks.TilesDown} zoomed tiles" : "")}, fused and tracked");

    public void Dispose()
    {
        foreach (var d in _detectors)
        {
            d.Dispose();
        }

        foreach (var m in _models)
        {
            m.Dispose();
        }
    }
}
