using System.Globalization;
using EdgeCity.Domain.Signals;

namespace EdgeCity.Domain.Control.Supervision;

/// <summary>
/// The net under an adaptive controller: it watches what the junction's control achieves (<see cref="JunctionOutcomes"/>:
/// the standing queue and how long each called movement waits) and hands the junction back to the programme the
/// adaptive controller replaced when the adaptive plan does worse: a movement kept red longer than the programme ever
/// would, or a window's mean queue above the programme's last measured one (before it was measured: above the
/// previous window's) by <see cref="SupervisorSettings.WorseFactor"/> and some slack. A hand-back holds for a while
/// (doubling after each failed retry), the programme's queue is measured meanwhile, and then the adaptive plan is
/// tried again against it. Switching is safe at any tick: every decision still passes the validator.
/// </summary>
public sealed class JunctionSupervisor : ISignalController
{
    private const int KeptHandovers = 64;

    private readonly ISignalController _adaptive;
    private readonly ISignalController _programme;
    private readonly SupervisorSettings _settings;
    private readonly JunctionOutcomes _outcomes;
    private readonly double _slack;
    private readonly double _unservedLimit;
    private readonly List<SupervisorHandover> _handovers = [];
    private double _windowStart = double.NaN;
    private double _modeSince = double.NaN;
    private double _holdUntil;
    private double _hold;
    private double _programmeQueue = double.NaN;
    private double _previousQueue = double.NaN;

    /// <param name="adaptive">The controller on trial.</param>
    /// <param name="programme">The programme it replaced (fixed time on the programme's clock, or actuated control).</param>
    /// <param name="timings">The junction's signal timings (movements, approaches).</param>
    /// <param name="programmeCycleSeconds">The programme's cycle: a movement waits at most about this long under it.</param>
    /// <param name="settings">Windows, margins and holds.</param>
    public JunctionSupervisor(ISignalController adaptive, ISignalController programme, SignalTimings timings, double programmeCycleSeconds, SupervisorSettings? settings = null)
    {
        _adaptive = adaptive;
        _programme = programme;
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

    /// <summary>How many times the junction was handed back to its programme.</summary>
    public int HandBacks { get; private set; }

    /// <summary>The programme's mean standing queue when it last ran, vehicles (NaN before it has run).</summary>
    public double ProgrammeQueue => _programmeQueue;

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
            WatchProgramme(t);
        }

        if (Mode == SupervisorMode.Adaptive)
        {
            return _adaptive.Decide(input);
        }

        var d = _programme.Decide(input);
        return d with { Reason = $"programme until {_holdUntil:F0} s (supervisor: {_handovers[^1].Reason}): {d.Reason}" };
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

        var mean = _outcomes.WindowMeanQueue;
        NextWindow(t);
        foreach (var (reference, what) in new[] { (_programmeQueue, "the programme's"), (_previousQueue, "the previous window's") })
        {
            if (!double.IsNaN(reference) && mean > reference * _settings.WorseFactor + _slack)
            {
                HandBack(t, string.Create(CultureInfo.InvariantCulture, $"mean queue {mean:F1} veh against {what} {reference:F1}"));
                return;
            }
        }

        _previousQueue = mean;
        if (t - _modeSince >= _settings.TrustAfterHolds * _hold)
        {
            _hold = _settings.HoldSeconds;
        }
    }

    private void WatchProgramme(double t)
    {
        if (t - _windowStart >= _settings.WindowSeconds)
        {
            _programmeQueue = _outcomes.WindowMeanQueue;
            NextWindow(t);
        }

        if (t < _holdUntil)
        {
            return;
        }

        if (double.IsNaN(_programmeQueue) || _outcomes.WindowSpan >= _settings.WindowSeconds / 2)
        {
            _programmeQueue = _outcomes.WindowMeanQueue;
        }

        NextWindow(t);
        _previousQueue = double.NaN;
        Switch(t, SupervisorMode.Adaptive, string.Create(CultureInfo.InvariantCulture, $"retrying {_adaptive.Name} against the programme's mean queue {_programmeQueue:F1} veh"), t);
    }

    private void HandBack(double t, string reason)
    {
        // A retry that failed before it earned trust back doubles the next hold.
        _hold = HandBacks > 0 && t - _modeSince < _settings.TrustAfterHolds * _hold ? Math.Min(_settings.MaxHoldSeconds, _hold * 2) : _settings.HoldSeconds;
        _holdUntil = t + _hold;
        HandBacks++;
        NextWindow(t);
        Switch(t, SupervisorMode.Programme, reason, _holdUntil);
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
