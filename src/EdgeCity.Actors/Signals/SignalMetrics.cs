using Prometheus;

namespace EdgeCity.Actors.Signals;

/// <summary>The Prometheus metrics of signal control, labelled by intersection (and validator rule).</summary>
internal static class SignalMetrics
{
    public static readonly Counter CameraObservations = Metrics.CreateCounter(
        "edgecity_camera_observations_total", "Camera measurements of an approach taken by its intersection's coordinator (one per camera per second, as observations of each movement of the approach, lane by lane).", "intersection", "approach");

    public static readonly Gauge CorridorCycle = Metrics.CreateGauge(
        "edgecity_signal_corridor_cycle_seconds", "Common cycle of the green-wave advice the intersection follows (s); 0 while it runs on its own.", "intersection");

    public static readonly Counter CameraObservationsUnmatched = Metrics.CreateCounter(
        "edgecity_camera_observations_unmatched_total", "Camera measurements of an approach the intersection's signal model lacks (dropped, and logged).", "camera");

    public static readonly Gauge Phase = Metrics.CreateGauge(
        "edgecity_signal_phase",
        "Program index (0-based) of the phase being served or moved to.",
        new GaugeConfiguration { LabelNames = ["intersection"] });

    public static readonly Gauge ActivePhase = Metrics.CreateGauge(
        "edgecity_signal_active_phase",
        "1 for the phase being served or moved to, by the phase id the API and the audit log use (one series per intersection).",
        new GaugeConfiguration { LabelNames = ["intersection", "phase"] });

    public static readonly Gauge FallbackActive = Metrics.CreateGauge(
        "edgecity_signal_fallback_active",
        "1 while stale data has the intersection on its fallback (recall or fixed time), 0 otherwise.",
        new GaugeConfiguration { LabelNames = ["intersection"] });

    public static readonly Gauge SupervisorHandedBack = Metrics.CreateGauge(
        "edgecity_signal_supervisor_handed_back",
        "1 while the junction supervisor has handed the intersection back to actuated control on its programme, 0 while the adaptive controller decides.",
        new GaugeConfiguration { LabelNames = ["intersection"] });

    public static readonly Counter SupervisorHandBacks = Metrics.CreateCounter(
        "edgecity_signal_supervisor_handbacks_total",
        "Times the junction supervisor handed the intersection back to actuated control on its programme because the adaptive plan did worse.",
        new CounterConfiguration { LabelNames = ["intersection"] });

    public static readonly Gauge StaleMovements = Metrics.CreateGauge(
        "edgecity_signal_stale_movements",
        "Movements whose data is older than the configured age.",
        new GaugeConfiguration { LabelNames = ["intersection"] });

    public static readonly Counter ViolationsPrevented = Metrics.CreateCounter(
        "edgecity_validator_violations_prevented_total",
        "Controller decisions the validator refused or corrected, by rule.",
        new CounterConfiguration { LabelNames = ["intersection", "rule"] });

    public static readonly Counter Decisions = Metrics.CreateCounter(
        "edgecity_signal_decisions_total",
        "Validated decisions that changed what the signal shows.",
        new CounterConfiguration { LabelNames = ["intersection"] });

    public static readonly Counter RuleBreaks = Metrics.CreateCounter(
        "edgecity_signal_rule_breaks_total",
        "States the independent rule monitor found unsafe (must stay 0).",
        new CounterConfiguration { LabelNames = ["intersection"] });

    public static readonly Counter ControllerErrors = Metrics.CreateCounter(
        "edgecity_signal_controller_errors_total",
        "Controller decisions that threw; the coordinator held the current phase instead.",
        new CounterConfiguration { LabelNames = ["intersection"] });

    public static readonly Counter HeadErrors = Metrics.CreateCounter(
        "edgecity_signal_head_errors_total",
        "Signal head commands that failed.",
        new CounterConfiguration { LabelNames = ["intersection"] });

    public static readonly Counter AuditDropped = Metrics.CreateCounter(
        "edgecity_signal_audit_dropped_total",
        "Audit records dropped because the audit writer fell behind.");
}
