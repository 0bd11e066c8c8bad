using System.Globalization;
using EdgeCity.Domain.Signals;

namespace EdgeCity.Domain.Control.Supervision;

/// <summary>
/// The net under an adaptive controller: it watches what the junction's control achieves (<see cref="JunctionOutcomes"/>:
/// the standing queue and how long each called movement waits) and hands the junction back to a fallback (see
/// <see cref="JunctionSupervision"/>) when the adaptive plan does worse: a movement kept red longer than the programme
/// ever would, or a window whose mean queue is above the fallback's last measured one (before it was measured: above
/// the previous window's) by <see cref="SupervisorSettings.WorseFactor"/> and some slack while the flow it discharges
/// is no higher. A queue that grows while more vehicles get through is demand building up, not a failing plan (SUMO's
/// corridor game fills for its first minutes); a queue that grows while throughput stalls is. A hand-back holds for a while
/// (doubling after each failed retry), the fallback's queue is measured meanwhile, and then the adaptive plan is
/// tried again against it. Switching is safe at any tick: every decision still passes the validator.
/// </summary>
public sealed class JunctionSupervisor : ISignalController
{
    private const int KeptHandovers = 64;

    private readonly ISignalController _adaptive;
    private readonly ISignalController _fallback;
    private readonly SupervisorSettings _settings;
    private readonly JunctionOutcomes _outcomes;
    private readonly double _slack;
    private readonly double _unservedLimit;
    private readonly List<SupervisorHandover> _handovers = [];
    private double _windowStart = double.NaN;
    private double _modeSince = double.NaN;
    private double _holdUntil;
    private double _hold;
    private double _fallbackQueue = double.NaN;
    private double _fallbackFlow = double.NaN;
    private double _previousQueue = double.NaN;
    private double _previousFlow = double.NaN;

    /// <param name="adaptive">The controller on trial.</param>
    /// <param name="fallback">What decides while handed back (actuated control on the programme's phases, or the programme).</param>
    /// <param name="timings">The junction's signal timings (movements, approaches).</param>
    /// <param name="programmeCycleSeconds">The programme's cycle: a movement waits at most about this long under it.</param>
    /// <param name="settings">Windows, margins and holds.</param>
    public JunctionSupervisor(ISignalController adaptive, ISignalController fallback, SignalTimings timings, double programmeCycleSeconds, SupervisorSettings? settings = null)
    {
        _adaptive = adaptive;
        _fallback = fallback;
        _settings = settings ?? new SupervisorSettings();
        var vehicles = timings.Model.Movements.Where(m => m.Kind == MovementKind.Vehicle).ToList();
        _outcomes = new JunctionOutcomes(vehicles.Select(m => m.Id));
        _slack = _settings.SlackVehiclesPerApproach * Math.Max(1, vehicles.Select(m => m.Approach).Distinct().Count());
        _unservedLimit = Math.Max(_settings.MinUnservedSeconds, _settings.UnservedCycles * programmeCycleSeconds);
        _hold = _settings.HoldSeconds;
    }

    public string Name => _adaptive.Name;

    /// <summary>The controller on trial.</summary>
    public ISignalController Adaptive => _adaptive;

    public SupervisorMode Mode { get; private set; } = SupervisorMode.Adaptive;

    /// <summary>The latest hand-overs, oldest first (at most 64).</summary>
    public IReadOnlyList<SupervisorHandover> Handovers => _handovers;

    /// <summary>Every hand-over so far, either way (the list keeps only the latest).</summary>
    public long HandoverCount { get; private set; }

    /// <summary>How many times the junction was handed back to the fallback.</summary>
    public int HandBacks { get; private set; }

    /// <summary>The fallback's mean standing queue when it last ran, vehicles (NaN before it has run).</summary>
    public double FallbackQueue => _fallbackQueue;

    public SignalDecision Decide(ControllerInput input)
    {
        var t = input.TimeSeconds;
        if (double.IsNaN(_windowStart))
        {
            _windowStart = t;
            _modeSince = t;
        }

        _outcomes.Observe(input);
        if (Mode == SupervisorMode.Adaptive)
        {
            JudgeAdaptive(t);
        }
        else
        {
            WatchFallback(t);
        }

        if (Mode == SupervisorMode.Adaptive)
        {
            return _adaptive.Decide(input);
        }

        var d = _fallback.Decide(input);
        return d with { Reason = $"handed back to {_fallback.Name} until {_holdUntil:F0} s (supervisor: {_handovers[^1].Reason}): {d.Reason}" };
    }

    private void JudgeAdaptive(double t)
    {
        if (_outcomes.LongestUnserved(t) is { } unserved && unserved.Seconds > _unservedLimit)
        {
            HandBack(t, string.Create(CultureInfo.InvariantCulture, $"{unserved.Movement} kept red {unserved.Seconds:F0} s with a call (limit {_unservedLimit:F0} s)"));
            return;
        }

        if (t - _windowStart < _settings.WindowSeconds)
        {
            return;
        }

        var (mean, flow) = (_outcomes.WindowMeanQueue, _outcomes.WindowMeanFlow);
        NextWindow(t);
        foreach (var (reference, referenceFlow, what) in new[] { (_fallbackQueue, _fallbackFlow, $"{_fallback.Name}'s"), (_previousQueue, _previousFlow, "the previous window's") })
        {
            if (!double.IsNaN(reference) && mean > reference * _settings.WorseFactor + _slack && flow <= referenceFlow)
            {
                HandBack(t, string.Create(CultureInfo.InvariantCulture, $"mean queue {mean:F1} veh at {flow:F0} veh/h against {what} {reference:F1} veh at {referenceFlow:F0} veh/h"));
                return;
            }
        }

        (_previousQueue, _previousFlow) = (mean, flow);
        if (t - _modeSince >= _settings.TrustAfterHolds * _hold)
        {
            _hold = _settings.HoldSeconds;
        }
    }

    private void WatchFallback(double t)
    {
        if (t - _windowStart >= _settings.WindowSeconds)
        {
            (_fallbackQueue, _fallbackFlow) = (_outcomes.WindowMeanQueue, _outcomes.WindowMeanFlow);
            NextWindow(t);
        }

        if (t < _holdUntil)
        {
            return;
        }

        if (double.IsNaN(_fallbackQueue) || _outcomes.WindowSpan >= _settings.WindowSeconds / 2)
        {
            (_fallbackQueue, _fallbackFlow) = (_outcomes.WindowMeanQueue, _outcomes.WindowMeanFlow);
        }

        NextWindow(t);
        (_previousQueue, _previousFlow) = (double.NaN, double.NaN);
        Switch(t, SupervisorMode.Adaptive, string.Create(CultureInfo.InvariantCulture, $"retrying {_adaptive.Name} against {_fallback.Name}'s mean queue {_fallbackQueue:F1} veh"), t);
    }

    private void HandBack(double t, string reason)
    {
        // A retry that failed before it earned trust back doubles the next hold.
        _hold = HandBacks > 0 && t - _modeSince < _settings.TrustAfterHolds * _hold ? Math.Min(_settings.MaxHoldSeconds, _hold * 2) : _settings.HoldSeconds;
        _holdUntil = t + _hold;
        HandBacks++;
        NextWindow(t);
        Switch(t, SupervisorMode.HandedBack, reason, _holdUntil);
    }

    private void Switch(double t, SupervisorMode to, string reason, double until)
    {
        Mode = to;
        _modeSince = t;
        HandoverCount++;
        if (_handovers.Count == KeptHandovers)
        {
            _handovers.RemoveAt(0);
        }

        _handovers.Add(new SupervisorHandover(t, to, reason, until));
    }

    private void NextWindow(double t)
    {
        _outcomes.NewWindow();
        _windowStart = t;
    }
}
