using EdgeCity.Domain.Assessment;
using EdgeCity.Vision.Assessment;

namespace EdgeCity.Actors.Assessment;

/// <summary>What an <see cref="AssessmentRun"/> reports as it goes (the CLI prints it; a node will publish it).</summary>
public interface IAssessmentObserver
{
    /// <summary>A finding, called only once it is committed to the store (acknowledged).</summary>
    void Stored(Finding finding);

    /// <summary>An image (a photo, a video frame) is done: file <paramref name="file"/> of <paramref name="files"/>.</summary>
    void Assessed(int file, int files, IngestedImage image, int findings, int added, TimeSpan took);

    /// <summary>An image assessed before (same content): its findings are in the store already.</summary>
    void Skipped(int file, int files, IngestedImage image);

    /// <summary>An input that could not be read, and why.</summary>
    void Problem(IngestProblem problem);
}
