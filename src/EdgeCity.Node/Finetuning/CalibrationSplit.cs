using EdgeCity.Vision.Evaluation;

namespace EdgeCity.Node.Finetuning;

/// <summary>
/// Holds back the last part of each labelled clip (its frames in time order) from training, so the fine-tuned model's
/// operating threshold is chosen on frames of that footage it has not seen. The last stretch rather than every fifth
/// frame: neighbouring frames show the same vehicles, and a threshold chosen on them would flatter the model.
/// </summary>
public static class CalibrationSplit
{
    /// <summary>The share of each clip's labelled frames held back.</summary>
    public const double Share = 0.2;

    /// <summary>Fewest labelled frames a clip needs before any are held back.</summary>
    public const int MinFrames = 5;

    /// <summary>
    /// Copies <paramref name="folder"/>'s frames into <c>split/&lt;name&gt;/train</c> and <c>split/&lt;name&gt;/calibration</c>
    /// under <paramref name="workFolder"/>; returns the two folders (calibration null when the clip has too few frames).
    /// </summary>
    public static (string Train, string? Calibration) Split(string folder, string workFolder)
    {
        var images = YoloFolderReader.Images(folder).OrderBy(Path.GetFileName, StringComparer.Ordinal).ToList();
        if (images.Count < MinFrames)
        {
            return (folder, null);
        }

        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        var held = Math.Max(1, (int)Math.Round(images.Count * Share));
        var train = Path.Combine(workFolder, "split", name, "train");
        var calibration = Path.Combine(workFolder, "split", name, "calibration");
        Copy(images.Take(images.Count - held), train);
        Copy(images.Skip(images.Count - held), calibration);
        return (train, calibration);
    }

    private static void Copy(IEnumerable<string> images, string to)
    {
        Directory.CreateDirectory(Path.Combine(to, "images"));
        Directory.CreateDirectory(Path.Combine(to, "labels"));
        foreach (var image in images)
        {
            File.Copy(image, Path.Combine(to, "images", Path.GetFileName(image)), overwrite: true);
            if (YoloFolderReader.LabelPath(image) is { } label && File.Exists(label))
            {
                File.Copy(label, Path.Combine(to, "labels", Path.GetFileName(label)), overwrite: true);
            }
        }
    }
}
