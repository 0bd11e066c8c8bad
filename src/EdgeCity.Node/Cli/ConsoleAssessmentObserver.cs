using System.Globalization;
using EdgeCity.Actors.Assessment;
using EdgeCity.Domain.Assessment;
using EdgeCity.Vision.Assessment;

namespace EdgeCity.Node.Cli;

/// <summary>Prints an assessment as it goes: each stored finding, each image's progress, each problem (to stderr).</summary>
internal sealed class ConsoleAssessmentObserver : IAssessmentObserver
{
    public void Stored(Finding f) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  stored {f.Id} {FindingKinds.Name(f.Kind),-8} {f.Label,-10} {f.Confidence:F2} at {(f.Position is { } p ? p.ToString() : "no position")} ({f.PositionSource.ToString().ToLowerInvariant()})"));

    public void Assessed(int file, int files, IngestedImage image, int findings, int added, TimeSpan took) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"[{file}/{files}] {Name(image)}: {findings} finding(s), {added} new, {took.TotalSeconds:F2} s"));

    public void Skipped(int file, int files, IngestedImage image) =>
        Console.WriteLine($"[{file}/{files}] {Name(image)}: assessed before, its findings are in the store");

    public void Problem(IngestProblem problem) => Console.Error.WriteLine($"assess: {problem.Source}: {problem.Reason}");

    private static string Name(IngestedImage image) =>
        AssessmentInputs.IsVideo(image.Source) ? $"{Path.GetFileName(image.Source)} frame {image.Frame}" : Path.GetFileName(image.Source);
}
