using Prometheus;

namespace EdgeCity.Actors.Assessment;

/// <summary>Prometheus metrics of disaster-site assessment: images, findings, replication and forwarding.</summary>
internal static class AssessmentMetrics
{
    public static readonly Counter Images = Metrics.CreateCounter(
        "edgecity_assessment_images_total",
        "Images (photos and sampled video frames) from the inbox, by result (assessed, skipped: assessed before, failed: could not be read).",
        new CounterConfiguration { LabelNames = ["result"] });

    public static readonly Counter Findings = Metrics.CreateCounter(
        "edgecity_assessment_findings_total",
        "Findings this box made and stored, by kind.",
        new CounterConfiguration { LabelNames = ["kind"] });

    public static readonly Gauge Stored = Metrics.CreateGauge(
        "edgecity_assessment_findings_stored",
        "Findings in this box's store (its own and those replicated from the site's other boxes).");

    public static readonly Counter Replicated = Metrics.CreateCounter(
        "edgecity_assessment_replicated_total",
        "Findings (and checked marks) taken from another box, by peer.",
        new CounterConfiguration { LabelNames = ["peer"] });

    public static readonly Gauge ForwardWaiting = Metrics.CreateGauge(
        "edgecity_assessment_forward_waiting",
        "Findings (and marks) waiting to be forwarded to the command post.");

    public static readonly Counter Forwarded = Metrics.CreateCounter(
        "edgecity_assessment_forwarded_total",
        "Findings (and marks) the command post acknowledged.");

    public static readonly Counter LinkErrors = Metrics.CreateCounter(
        "edgecity_assessment_link_errors_total",
        "Failed exchanges with a peer or the command post, by link.",
        new CounterConfiguration { LabelNames = ["link"] });

    static AssessmentMetrics()
    {
        // Series that must read 0 until something happens, so an alert on them sees a value.
        foreach (var r in new[] { "assessed", "skipped", "failed" })
        {
            Images.WithLabels(r);
        }

        Forwarded.Publish();
    }
}
