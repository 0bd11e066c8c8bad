using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EdgeCity.Node.Finetuning;

/// <summary>
/// What a fine-tuned model is: what it started from, the data it saw (labelled footage, reviewed or not, and the twin's
/// frames), how long it trained on which machine, and how it scores on held-out frames before and after. Written as
/// <c>model-card.json</c> and <c>MODEL-CARD.md</c> beside the model.
/// </summary>
public sealed record ModelCard
{
    public required string Model { get; init; }

    public required string File { get; init; }

    public required string Sha256 { get; init; }

    public required string BaseModel { get; init; }

    public required string BaseSha256 { get; init; }

    public required IReadOnlyList<ModelCardData> Data { get; init; }

    public required ModelCardTraining Training { get; init; }

    public required MachineDescription Machine { get; init; }

    public required IReadOnlyList<ModelCardScore> HeldOut { get; init; }

    /// <summary>How the score the model's vehicles are tracked from was chosen.</summary>
    public required string OperatingPoint { get; init; }

    /// <summary>Boxes whose shorter side is under this many pixels were left out of the scores.</summary>
    public required float MinSidePixels { get; init; }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Writes <c>model-card.json</c> and <c>MODEL-CARD.md</c> into <paramref name="folder"/>.</summary>
    public void Write(string folder)
    {
        System.IO.File.WriteAllText(Path.Combine(folder, "model-card.json"), JsonSerializer.Serialize(this, Json) + Environment.NewLine);
        System.IO.File.WriteAllText(Path.Combine(folder, "MODEL-CARD.md"), Markdown());
    }

    public string Markdown()
    {
        static string F(double? v) => v is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "-";
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {Model}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"`{File}` (sha256 `{Sha256}`), fine-tuned from `{BaseModel}` (sha256 `{BaseSha256}`).");
        md.AppendLine();
        md.AppendLine("## Data");
        md.AppendLine();
        foreach (var d in Data)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {d.Kind}: `{d.Folder}`: {d.Images} frames, {d.Boxes} boxes{(d.Source is null ? "" : $", from `{d.Source}`")}; {d.Review}");
        }

        md.AppendLine();
        md.AppendLine("## Training");
        md.AppendLine();
        var t = Training;
        md.AppendLine(CultureInfo.InvariantCulture, $"{t.Steps} steps in {t.Seconds:0} s on {t.Device} (torch {t.Torch}), batch {t.Batch}, learning rate {t.LearningRate}, {t.StartedUtc:yyyy-MM-dd HH:mm} to {t.FinishedUtc:yyyy-MM-dd HH:mm} UTC.");
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine}.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Operating point: {OperatingPoint}.");
        md.AppendLine();
        md.AppendLine("## Held-out frames");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"AP@0.5 with ONNX Runtime through the node's own decoder, boxes under {MinSidePixels:0} px left out.");
        md.AppendLine();
        md.AppendLine("| frames | images | car AP before | car AP after | mAP before | mAP after | note |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var s in HeldOut)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{s.Folder}` | {s.Images} | {F(s.CarAp50Before)} | {F(s.CarAp50After)} | {F(s.MeanAp50Before)} | {F(s.MeanAp50After)} | {s.Note} |");
        }

        md.AppendLine();
        md.AppendLine("Use it: copy the `.onnx` and `.json` into the node's models folder and name it as a camera's `model` in the site file.");
        return md.ToString();
    }
}

/// <summary>One training folder: labelled footage or the twin's frames.</summary>
public sealed record ModelCardData(string Kind, string Folder, string? Source, int Images, int Boxes, string Review);

/// <summary>How the model was trained.</summary>
public sealed record ModelCardTraining(string Device, string Torch, int Steps, double Seconds, int Batch, double LearningRate, DateTime StartedUtc, DateTime FinishedUtc);

/// <summary>One held-out set's scores before and after fine-tuning; the note says when its frames come from footage trained on.</summary>
public sealed record ModelCardScore(string Folder, int Images, double? CarAp50Before, double? CarAp50After, double? MeanAp50Before, double? MeanAp50After, string Note);
