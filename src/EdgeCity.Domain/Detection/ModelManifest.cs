namespace EdgeCity.Domain.Detection;

/// <summary>What <c>models/&lt;name&gt;.json</c> says about a detector: file, layout, input, classes, licence and checksum.</summary>
public sealed record ModelManifest
{
    /// <summary>Model name: the manifest's file name without <c>.json</c>, used in logs and metrics.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The ONNX file, relative to the manifest.</summary>
    public string File { get; init; } = string.Empty;

    public ModelLayout Layout { get; init; }

    public ModelInput Input { get; init; } = new();

    /// <summary>Output tensor to decode; empty means the model's first output.</summary>
    public string Output { get; init; } = string.Empty;

    /// <summary>Class names in the order of the model's class scores.</summary>
    public IReadOnlyList<string> Classes { get; init; } = [];

    /// <summary>Classes that count as vehicles for traffic measures (a subset of <see cref="Classes"/>).</summary>
    public IReadOnlyList<string> VehicleClasses { get; init; } = [];

    /// <summary>YOLOX and NanoDet grid strides, in output order; ignored by other layouts.</summary>
    public IReadOnlyList<int> Strides { get; init; } = [8, 16, 32];

    /// <summary>NanoDet only: bins of each side's distance distribution (reg_max + 1; 8 for NanoDet-m).</summary>
    public int DistributionBins { get; init; } = 8;

    /// <summary>
    /// What the model's classes mean for traffic: a model class name to the traffic class it is counted as (COCO's
    /// "motorbike" as "motorcycle", say). A class not listed keeps its own name; one mapped to "" is dropped at decode.
    /// </summary>
    public IReadOnlyDictionary<string, string> TrafficClasses { get; init; } = new Dictionary<string, string>();

    public float ScoreThreshold { get; init; } = 0.25f;

    public float IouThreshold { get; init; } = 0.45f;

    /// <summary>
    /// Boxes of different classes overlapping by more than this are one object boxed twice: the lower-scored is dropped.
    /// Two vehicles, one partly hiding the other, differ in box size or position far more than that.
    /// </summary>
    public float CrossClassIouThreshold { get; init; } = 0.8f;

    /// <summary>At most this many detections per frame are kept (highest scores first).</summary>
    public int MaxDetections { get; init; } = 300;

    /// <summary>Tracker score thresholds calibrated for this model; absent means the tracker's defaults.</summary>
    public ModelTracking Tracking { get; init; } = new();

    /// <summary>
    /// A camera's analytics tuned to this model: its tracker thresholds, and only its vehicle classes tracked (every
    /// class when the manifest lists none).
    /// </summary>
    public Measurements.CameraAnalyticsSetup ApplyTo(Measurements.CameraAnalyticsSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return setup with
        {
            Tracker = Tracking.ApplyTo(setup.Tracker),
            VehicleClasses = VehicleClasses.Count > 0 ? VehicleClasses.ToHashSet(StringComparer.Ordinal) : null,
        };
    }

    public string Licence { get; init; } = string.Empty;

    /// <summary>Hex SHA-256 of the ONNX file; checked at load when present.</summary>
    public string Sha256 { get; init; } = string.Empty;

    /// <summary>Rows of the output a layout expects for one image (anchors, or K for end-to-end), or null when any count fits.</summary>
    public int? ExpectedAnchors => Layout is ModelLayout.Yolox or ModelLayout.NanoDet
        ? Strides.Sum(s => (Input.Width / s) * (Input.Height / s))
        : null;
}
