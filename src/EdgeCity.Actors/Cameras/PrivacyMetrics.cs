using EdgeCity.Vision.Privacy;
using Prometheus;

namespace EdgeCity.Actors.Cameras;

/// <summary>Prometheus metrics of the blurred frames shown to operators (only counted while frames are enabled).</summary>
public static class PrivacyMetrics
{
    public static readonly Counter FramesBlurred = Metrics.CreateCounter(
        "edgecity_privacy_frames_blurred_total", "Frames blurred (faces and plates) and made available to the operator view.", "camera");

    public static readonly Counter FramesDropped = Metrics.CreateCounter(
        "edgecity_privacy_frames_dropped_total", "Frame copies replaced by a newer one before they were blurred (newest only, never queued).", "camera");

    public static readonly Counter RegionsBlurred = Metrics.CreateCounter(
        "edgecity_privacy_regions_blurred_total",
        "Regions blurred, by source: face_cascade, plate_cascade, person_box (upper part), vehicle_box (plate band).",
        "camera", "source");

    public static string SourceLabel(PrivacyRegionSource source) => source switch
    {
        PrivacyRegionSource.FaceCascade => "face_cascade",
        PrivacyRegionSource.PlateCascade => "plate_cascade",
        PrivacyRegionSource.PersonBox => "person_box",
        _ => "vehicle_box",
    };
}
