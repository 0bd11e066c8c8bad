using Prometheus;

namespace EdgeCity.Actors.Analytics;

/// <summary>Prometheus metrics of the analytics stage; labels are camera, line, direction, class, intersection, approach.</summary>
public static class AnalyticsMetrics
{
    public static readonly Counter VehiclesCounted = Metrics.CreateCounter(
        "edgecity_vehicles_counted_total",
        "Vehicles counted on a count line, by camera, line, direction and class.",
        new CounterConfiguration { LabelNames = ["camera", "line", "direction", "class"] });

    public static readonly Gauge QueueLength = Metrics.CreateGauge(
        "edgecity_queue_length_meters",
        "Longest lane queue of an approach on the road plane, metres.",
        new GaugeConfiguration { LabelNames = ["intersection", "approach"] });

    public static readonly Gauge Occupancy = Metrics.CreateGauge(
        "edgecity_approach_occupancy_ratio",
        "Share of the last interval with a vehicle in the approach's lane zones (mean over lanes), 0–1.",
        new GaugeConfiguration { LabelNames = ["intersection", "approach"] });

    public static readonly Gauge TracksActive = Metrics.CreateGauge(
        "edgecity_tracks_active",
        "Confirmed tracks matched in the camera's latest frame.",
        new GaugeConfiguration { LabelNames = ["camera"] });

    public static readonly Counter Frames = Metrics.CreateCounter(
        "edgecity_analytics_frames_total",
        "Frames of detections analysed, by camera.",
        new CounterConfiguration { LabelNames = ["camera"] });

    public static readonly Counter FramesDropped = Metrics.CreateCounter(
        "edgecity_analytics_frames_dropped_total",
        "Frames of detections the analytics could not use, by camera and reason (out_of_order, wrong_camera, error, no_analytics).",
        new CounterConfiguration { LabelNames = ["camera", "reason"] });

    public static readonly Gauge DataAge = Metrics.CreateGauge(
        "edgecity_analytics_data_age_seconds",
        "Age of the newest analysed frame when measurements were last published.",
        new GaugeConfiguration { LabelNames = ["camera"] });

    public static readonly Gauge CameraDown = Metrics.CreateGauge(
        "edgecity_analytics_camera_down",
        "1 while the camera's measurements are flagged down (down message or no frame for too long).",
        new GaugeConfiguration { LabelNames = ["camera"] });
}
