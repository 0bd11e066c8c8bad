namespace EdgeCity.Node.Finetuning;

/// <summary>What <c>edgecity models finetune</c> was asked to do.</summary>
public sealed record FinetuneOptions
{
    /// <summary>Footage to label and train on.</summary>
    public IReadOnlyList<string> Videos { get; init; } = [];

    /// <summary>Labelled folders (images/ + labels/, YOLO txt), reviewed by a person, to train on as they are.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Twin frames to mix in (folders); none given: rendered from <see cref="TwinSite"/>.</summary>
    public IReadOnlyList<string> Twin { get; init; } = [];

    /// <summary>Seconds of the twin site's traffic rendered when no twin folder is given (0: no twin frames).</summary>
    public double TwinSeconds { get; init; } = 60;

    public string TwinSite { get; init; } = "deploy/sites/demo/site.json";

    /// <summary>The twin site's cameras rendered.</summary>
    public IReadOnlyList<string> TwinCameras { get; init; } = ["J1-W_J1", "J2-J1_J2"];

    /// <summary>Held-out folders scored before and after.</summary>
    public IReadOnlyList<string> Val { get; init; } = [];

    public string ModelsFolder { get; init; } = "models";

    /// <summary>The model fine-tuned (a manifest name in <see cref="ModelsFolder"/>, exported by the training recipe).</summary>
    public string BaseModel { get; init; } = Domain.Sites.DefaultDetectors.Twin;

    /// <summary>The labeller's detector (a manifest name).</summary>
    public string LabellerModel { get; init; } = Domain.Sites.DefaultDetectors.RealCamera;

    /// <summary>How the labeller looks at each frame (zoomed tiles and all).</summary>
    public Labelling.LabellerLooks Looks { get; init; } = Labelling.LabellerLooks.WithTiles(Labelling.LabellerDefaults.Tiles, plain: false);

    /// <summary>The new model's manifest name.</summary>
    public string Name { get; init; } = "edgecity-vehicles-local";

    public required string Out { get; init; }

    /// <summary>PyTorch device, or <c>auto</c>: CUDA where PyTorch sees a GPU, else the CPU.</summary>
    public string Device { get; init; } = "auto";

    public double Minutes { get; init; } = 10;

    /// <summary>Stop after this many steps (0: <see cref="Minutes"/> decides).</summary>
    public int Steps { get; init; }

    public int Batch { get; init; } = 16;

    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Label every N-th frame of the footage.</summary>
    public int Every { get; init; } = 10;

    /// <summary>Stop after labelling, so a person checks the frames listed in review.txt before training.</summary>
    public bool ReviewFirst { get; init; }

    /// <summary>Boxes whose shorter side is under this many pixels are left out of the held-out scores.</summary>
    public float MinSide { get; init; } = 20;

    public IReadOnlyList<Vision.Inference.ExecutionProvider> Providers { get; init; } = [Vision.Inference.ExecutionProvider.Cpu];

    public int Threads { get; init; } = Environment.ProcessorCount;
}
