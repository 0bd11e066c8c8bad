using System.Diagnostics;
using EdgeCity.Domain.Assessment;
using EdgeCity.Vision.Assessment;

namespace EdgeCity.Actors.Assessment;

/// <summary>
/// Assesses files one image at a time: read, detect, store (committed), then report. An image whose content was
/// assessed before is skipped, so a run cut short (a crash, a kill -9, a battery swap) is simply started again and goes
/// on where it stopped; its findings are stored once, by id.
/// </summary>
public sealed class AssessmentRun(ImageAssessor assessor, FindingStore store, string node, double videoEverySeconds = 2.0, TelemetryTrack? track = null, DateTimeOffset? videoStart = null)
{
    public AssessmentSummary Run(IReadOnlyList<string> files, IAssessmentObserver observer, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        int assessed = 0, skipped = 0, problems = 0, findings = 0, added = 0;
        void Problem(IngestProblem p)
        {
            // A video's problems are reported from its decoding thread (DecodeAhead).
            Interlocked.Increment(ref problems);
            observer.Problem(p);
        }

        for (var i = 0; i < files.Count && !cancellationToken.IsCancellationRequested; i++)
        {
            foreach (var image in Images(files[i], Problem))
            {
                using (image)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        break;
                    }

                    if (store.IsAssessed(image.Digest))
                    {
                        skipped++;
                        observer.Skipped(i + 1, files.Count, image);
                        continue;
                    }

                    var (count, isNew) = Assess(image, i + 1, files.Count, observer);
                    assessed++;
                    findings += count;
                    added += isNew;
                }
            }
        }

        return new AssessmentSummary(assessed, skipped, problems, findings, added, watch.Elapsed);
    }

    /// <summary>
    /// Assesses one image, stores its findings (committed) and reports them; <paramref name="keep"/> drops findings
    /// that are not new (a fixed camera's repeats). Returns the findings kept and how many of them were new to the store.
    /// </summary>
    public (int Findings, int Added) Assess(IngestedImage image, int file, int files, IAssessmentObserver observer, Func<Finding, bool>? keep = null)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var found = assessor.Assess(image.Image, image.Pose, image.Source, image.Digest, image.Frame, node).Where(f => keep?.Invoke(f.Finding) ?? true).ToList();
        var added = store.Add(image.Digest, image.Source, found.Select(f => (f.Finding, (byte[]?)f.Thumbnail)).ToList());
        foreach (var f in found)
        {
            observer.Stored(f.Finding);
        }

        observer.Assessed(file, files, image, found.Count, added, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return (found.Count, added);
    }

    private IEnumerable<IngestedImage> Images(string file, Action<IngestProblem> problem)
    {
        if (AssessmentInputs.IsVideo(file))
        {
            return DecodeAhead.Of(new VideoFrameSampler(file, videoEverySeconds, track, videoStart).Frames(problem));
        }

        var photo = AssessmentInputs.ReadPhoto(file, out var p);
        if (p is not null)
        {
            problem(p);
        }

        return photo is null ? [] : [photo];
    }
}
