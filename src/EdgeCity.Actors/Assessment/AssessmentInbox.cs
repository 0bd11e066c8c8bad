using EdgeCity.Domain.Assessment;
using EdgeCity.Vision.Assessment;

namespace EdgeCity.Actors.Assessment;

/// <summary>
/// What the <see cref="InboxWatcher"/> has done, for the API and the triage page: the folder, images assessed and
/// skipped, findings made, the latest problems (an unreadable file is shown, never dropped silently). Thread-safe.
/// </summary>
public sealed class AssessmentInbox(string folder) : IAssessmentObserver
{
    private const int KeptProblems = 20;
    private readonly Lock _gate = new();
    private readonly List<IngestProblem> _problems = [];

    public string Folder { get; } = folder;

    public long ImagesAssessed { get; private set; }

    public long ImagesSkipped { get; private set; }

    public long ImagesFailed { get; private set; }

    public long Findings { get; private set; }

    public string? LastImage { get; private set; }

    public DateTimeOffset? LastAt { get; private set; }

    public IReadOnlyList<IngestProblem> Problems()
    {
        lock (_gate)
        {
            return [.. _problems];
        }
    }

    public void Stored(Finding finding)
    {
        lock (_gate)
        {
            Findings++;
        }

        AssessmentMetrics.Findings.WithLabels(FindingKinds.Name(finding.Kind)).Inc();
    }

    public void Assessed(int file, int files, IngestedImage image, int findings, int added, TimeSpan took)
    {
        lock (_gate)
        {
            ImagesAssessed++;
            LastImage = AssessmentInputs.IsVideo(image.Source) ? $"{Path.GetFileName(image.Source)} frame {image.Frame}" : Path.GetFileName(image.Source);
            LastAt = DateTimeOffset.UtcNow;
        }

        AssessmentMetrics.Images.WithLabels("assessed").Inc();
    }

    public void Skipped(int file, int files, IngestedImage image)
    {
        lock (_gate)
        {
            ImagesSkipped++;
        }

        AssessmentMetrics.Images.WithLabels("skipped").Inc();
    }

    public void Problem(IngestProblem problem)
    {
        lock (_gate)
        {
            ImagesFailed++;
            if (_problems.Count == KeptProblems)
            {
                _problems.RemoveAt(0);
            }

            _problems.Add(problem);
        }

        AssessmentMetrics.Images.WithLabels("failed").Inc();
    }
}
