using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Detection;

/// <summary>
/// Turns one image's slice of a detector's output tensor into <see cref="Detection"/>s in source-frame pixels.
/// One decoder per model, built once its output shape is known; scratch space is allocated up front so decoding a
/// frame allocates nothing. Not thread-safe: one per inference thread.
/// </summary>
public abstract class DetectionDecoder
{
    // Per model class: the traffic class it reports as (null: not traffic, skipped) and the class id it reports with
    // (the first model class of the same traffic class, so NMS treats "van" and "car" mapped to car as one class).
    private readonly string?[] _reportAs;
    private readonly int[] _reportId;
    private readonly long[] _skipsByClass;

    protected DetectionDecoder(ModelManifest manifest, int rows)
    {
        Manifest = manifest;
        Rows = rows;
        var classes = manifest.Classes;
        _reportAs = new string?[classes.Count];
        _reportId = new int[classes.Count];
        _skipsByClass = new long[classes.Count];
        var mapped = manifest.TrafficClasses.Count > 0;
        for (var c = 0; c < classes.Count; c++)
        {
            var name = mapped ? manifest.TrafficClasses.GetValueOrDefault(classes[c]) : classes[c];
            _reportAs[c] = string.IsNullOrEmpty(name) ? null : name;
            _reportId[c] = c;
            for (var k = 0; k < c; k++)
            {
                if (_reportAs[k] is not null && _reportAs[k] == _reportAs[c])
                {
                    _reportId[c] = k;
                    break;
                }
            }
        }
    }

    public ModelManifest Manifest { get; }

    /// <summary>Anchors (or, for end-to-end heads, detection slots) per image.</summary>
    public int Rows { get; }

    /// <summary>Floats per image in the output tensor.</summary>
    public abstract int FloatsPerImage { get; }

    /// <summary>Detections dropped because their class id was outside the manifest's class list.</summary>
    public long UnknownClassDrops { get; protected set; }

    /// <summary>
    /// Candidates skipped because the manifest's <see cref="ModelManifest.TrafficClasses"/> gives their class no traffic
    /// meaning (a COCO model's "cell phone"): counted so a model that sees only such things on a road shows up.
    /// </summary>
    public long NonTrafficSkips { get; protected set; }

    /// <summary>Candidates reported (above the score threshold, of a traffic class), before NMS: the yardstick for <see cref="NonTrafficSkips"/>.</summary>
    public long TrafficCandidates { get; private set; }

    /// <summary>The skipped candidates by the model's class name, most first (classes with none left out).</summary>
    public IReadOnlyList<(string Class, long Candidates)> NonTrafficSkipsByClass() =>
        _skipsByClass.Select((n, c) => (Manifest.Classes[c], n)).Where(x => x.n > 0).OrderByDescending(x => x.n).ToList();

    /// <summary>The output tensors the decoder reads, in order (NanoDet: class and distance outputs per stride); an empty name means the model's first output.</summary>
    public static IReadOnlyList<string> OutputNamesOf(ModelManifest manifest) => manifest.Layout == ModelLayout.NanoDet
        ? manifest.Strides.SelectMany(s => new[] { $"cls_pred_stride_{s}", $"dis_pred_stride_{s}" }).ToList()
        : [manifest.Output];

    /// <summary>Builds the decoder for the manifest's layout.</summary>
    public static DetectionDecoder Create(ModelManifest manifest, int rows) => manifest.Layout switch
    {
        ModelLayout.Yolox => new YoloxDecoder(manifest, rows),
        ModelLayout.YoloV5 => new YoloV5Decoder(manifest, rows),
        ModelLayout.YoloV8 => new YoloV8Decoder(manifest, rows),
        ModelLayout.EndToEnd => new EndToEndDecoder(manifest, rows),
        ModelLayout.NanoDet => new NanoDetDecoder(manifest, rows),
        _ => throw new ArgumentOutOfRangeException(nameof(manifest), manifest.Layout, "unknown layout"),
    };

    /// <summary>
    /// Checks a model's real output shapes (in <see cref="OutputNamesOf"/> order) against the manifest and returns the
    /// rows per image, or a sentence saying what disagrees.
    /// </summary>
    public static (int Rows, string? Problem) CheckOutputShapes(ModelManifest manifest, IReadOnlyList<IReadOnlyList<long>> shapes)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        if (manifest.Layout == ModelLayout.NanoDet)
        {
            return NanoDetDecoder.CheckShapes(manifest, shapes);
        }

        return shapes.Count == 1 ? CheckOutputShape(manifest, shapes[0]) : (0, $"layout {manifest.Layout} reads one output, got {shapes.Count}");
    }

    /// <summary>
    /// Checks a model's real output shape (with its batch dimension; -1 where dynamic) against the manifest and returns
    /// the rows per image, or a sentence saying what disagrees.
    /// </summary>
    public static (int Rows, string? Problem) CheckOutputShape(ModelManifest manifest, IReadOnlyList<long> shape)
    {
        var text = "[" + string.Join(", ", shape) + "]";
        if (shape.Count != 3)
        {
            return (0, $"output {text} has {shape.Count} dimensions; layout {manifest.Layout} needs 3");
        }

        var classes = manifest.Classes.Count;
        long rows;
        switch (manifest.Layout)
        {
            case ModelLayout.YoloV8:
                if (shape[1] != 4 + classes)
                {
                    return (0, $"output {text}: layout yoloV8 needs [N, 4+C, A] = [N, {4 + classes}, A] for the manifest's {classes} classes");
                }

                rows = shape[2];
                break;
            case ModelLayout.YoloV5:
            case ModelLayout.Yolox:
                if (shape[2] != 5 + classes)
                {
                    return (0, $"output {text}: layout {manifest.Layout} needs [N, A, 5+C] = [N, A, {5 + classes}] for the manifest's {classes} classes");
                }

                rows = shape[1];
                if (manifest.ExpectedAnchors is { } anchors && rows != anchors)
                {
                    return (0, $"output {text}: YOLOX at {manifest.Input.Width}x{manifest.Input.Height} with strides [{string.Join(", ", manifest.Strides)}] has {anchors} anchors, not {rows}");
                }

                break;
            default:
                if (shape[2] != 6)
                {
                    return (0, $"output {text}: layout endToEnd needs [N, K, 6] (x1, y1, x2, y2, score, class)");
                }

                rows = shape[1];
                break;
        }

        return rows <= 0 ? (0, $"output {text}: the anchor dimension must be fixed") : ((int)rows, null);
    }

    /// <summary>Decodes one image's output, appending its detections (after NMS, in source pixels) to <paramref name="into"/> after clearing it.</summary>
    public void Decode(ReadOnlySpan<float> output, in Letterbox letterbox, List<Detection> into)
    {
        if (output.Length < FloatsPerImage)
        {
            throw new ArgumentException($"output holds {output.Length} floats; one image needs {FloatsPerImage}", nameof(output));
        }

        into.Clear();
        Collect(output[..FloatsPerImage], into);
        if (NeedsNms)
        {
            NonMaximumSuppression.Apply(into, Manifest.IouThreshold, Manifest.MaxDetections, Manifest.CrossClassIouThreshold);
        }
        else
        {
            NonMaximumSuppression.Apply(into, 1.01f, Manifest.MaxDetections);
        }

        for (var i = 0; i < into.Count; i++)
        {
            var d = into[i];
            into[i] = d with { Box = letterbox.ToSource(d.Box) };
        }
    }

    /// <summary>Whether candidates still hold duplicates (true for all but end-to-end heads).</summary>
    protected virtual bool NeedsNms => true;

    /// <summary>Appends candidates above the score threshold, boxes in model-input pixels.</summary>
    protected abstract void Collect(ReadOnlySpan<float> output, List<Detection> into);

    protected void Add(List<Detection> into, BoxF box, int classId, float score)
    {
        if ((uint)classId >= (uint)Manifest.Classes.Count)
        {
            UnknownClassDrops++;
            return;
        }

        if (_reportAs[classId] is not { } name)
        {
            NonTrafficSkips++;
            _skipsByClass[classId]++;
            return;
        }

        TrafficCandidates++;
        into.Add(new Detection(box, _reportId[classId], name, score));
    }
}
