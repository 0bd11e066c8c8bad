using EdgeCity.Domain.Signals;

namespace EdgeCity.Domain.Control.Controllers;

/// <summary>
/// Schedule-driven control in the SURTRAC family, on a rolling horizon. Every second it turns the queues and the
/// vehicles approaching each movement (measured, or forecast from upstream neighbours' planned outflow) into an arrival
/// profile for the next minute, and searches phase schedules — how long to keep the current phase, which phase next,
/// then each following phase served while its queue or arriving cluster lasts — in a queue model with saturation
/// flow, start-up loss and real transition times, for the least total delay. Only the first step of the best
/// schedule is applied; the schedule's departures are published for downstream neighbours as an
/// <see cref="OutflowForecast"/>. Acts on any phase set, acyclically; closely spaced junctions
/// (<see cref="ScheduleSettings.FollowProgramClock"/>) keep their program's common clock instead.
/// </summary>
public sealed class ScheduleDrivenController : ISignalController
{
    private const double Tie = 0.01;

    private readonly SignalTimings _timings;
    private readonly IntersectionSignalModel _model;
    private readonly ScheduleSettings _settings;
    private readonly string[] _movements;
    private readonly byte[][] _shows;
    private readonly double[,] _transition;
    private readonly double[] _min;
    private readonly double[] _max;
    private readonly double[] _rate;
    private readonly int _steps;
    private readonly double[] _waitingSince;
    private readonly double[] _maxWait;
    private readonly double[] _queueBuffer;
    private readonly double[] _ageBuffer;
    private readonly FixedTimeController _clock;
    private double _lastPlan = double.NegativeInfinity;
    private SignalDecision? _lastHold;

    public ScheduleDrivenController(SignalTimings timings, SaturationFlows saturation, ScheduleSettings? settings = null)
    {
        _timings = timings;
        _model = timings.Model;
        _settings = settings ?? new ScheduleSettings();
        _movements = _model.Movements.Select(m => m.Id).ToArray();
        var phases = _model.Phases;
        _shows = phases.Select(p => _movements.Select(m =>
            p.ProtectedGreens.Contains(m) ? (byte)2 : p.PermissiveGreens.Contains(m) ? (byte)1 : (byte)0).ToArray()).ToArray();
        _transition = new double[phases.Count, phases.Count];
        for (var a = 0; a < phases.Count; a++)
        {
            for (var b = 0; b < phases.Count; b++)
            {
                _transition[a, b] = a == b ? 0 : timings.TransitionSeconds(phases[a], phases[b]);
            }
        }

        _min = phases.Select(timings.MinGreenSeconds).ToArray();
        _max = phases.Select(timings.MaxGreenSeconds).ToArray();
        _rate = _movements.Select(m => saturation.VehiclesPerSecond(m) * _settings.StepSeconds).ToArray();
        _steps = Math.Max(1, (int)Math.Ceiling(_settings.HorizonSeconds / _settings.StepSeconds));
        _waitingSince = _movements.Select(_ => double.NaN).ToArray();
        var programmeRed = ProgrammeRedSeconds(timings, _shows);
        _maxWait = programmeRed.Select(r => Math.Min(_settings.MaxWaitSeconds, Math.Max(_settings.MinMaxWaitSeconds, r))).ToArray();
        _queueBuffer = new double[_movements.Length];
        _ageBuffer = new double[_movements.Length];
        _clock = new FixedTimeController(timings);
    }

    public string Name => _settings.ProgrammeOrder ? "schedule-ordered" : "schedule";

    /// <summary>The departures of the schedule last chosen, for downstream neighbours.</summary>
    public OutflowForecast? Outflow { get; private set; }

    /// <summary>The planned delay (vehicle-seconds over the horizon, plus residual queues) of the schedule last chosen.</summary>
    public double PlannedDelay { get; private set; }

    public SignalDecision Decide(ControllerInput input)
    {
        var signal = input.Signal;
        if (signal.InTransition)
        {
            return new SignalDecision(signal.ActivePhaseId, "schedule: transition in progress");
        }

        if (_settings.FollowProgramClock)
        {
            var clock = _clock.Decide(input);
            return clock with { Reason = $"schedule: closely spaced, on the program clock ({clock.Reason})" };
        }

        var current = _timings.PhaseIndex[signal.ActivePhaseId];
        var elapsed = input.GreenSeconds;
        var starved = TrackWaiting(input, current);
        if (elapsed + 1e-6 < _min[current])
        {
            return new SignalDecision(signal.ActivePhaseId, "schedule: min green");
        }

        if (starved >= 0)
        {
            var serve = Enumerable.Range(0, _model.Phases.Count).Where(p => _shows[p][starved] > 0)
                .OrderByDescending(p => _shows[p][starved]).ThenBy(p => (p - current + _model.Phases.Count) % _model.Phases.Count).First();
            _lastHold = null;
            return new SignalDecision(_model.Phases[serve].Id, $"schedule: {_movements[starved]} waited {input.TimeSeconds - _waitingSince[starved]:F0} s (max wait)");
        }

        if (_lastHold?.TargetPhaseId == signal.ActivePhaseId && input.TimeSeconds - _lastPlan < _settings.ReplanSeconds)
        {
            return _lastHold;
        }

        _lastPlan = input.TimeSeconds;
        var demand = Demand(input, out var queue);
        var decision = Plan(input.TimeSeconds, current, elapsed, queue, demand);
        _lastHold = decision.TargetPhaseId == signal.ActivePhaseId ? decision : null;
        return decision;
    }

    private SignalDecision Plan(double now, int current, double elapsed, double[] queue, double[][] arrivals)
    {
        var n = _model.Phases.Count;
        var bestHold = double.PositiveInfinity;
        var bestHoldPlan = (Hold: double.NaN, Next: -1);
        var bestSwitch = double.PositiveInfinity;
        var bestNext = -1;
        var room = _max[current] - elapsed;
        var waitingElsewhere = false;
        var inOrder = _settings.ProgrammeOrder ? NextCalled(current, queue, arrivals) : -1;
        for (var next = 0; next < n; next++)
        {
            if (next == current || (_settings.ProgrammeOrder && next != inOrder))
            {
                continue;
            }

            var now0 = Rollout(current, elapsed, 0, next, queue, arrivals, null);
            if (now0 < bestSwitch - Tie || (Math.Abs(now0 - bestSwitch) <= Tie && HasDemand(next, queue, arrivals) && !HasDemand(bestNext, queue, arrivals)))
            {
                bestSwitch = now0;
                bestNext = next;
            }

            // Keeping the current phase first and then serving a phase that no one is waiting for cannot win.
            if (!HasDemandBeyond(next, current, queue, arrivals))
            {
                continue;
            }

            waitingElsewhere = true;

            foreach (var hold in HoldCandidates(room))
            {
                var cost = Rollout(current, elapsed, hold, next, queue, arrivals, null);
                if (cost < bestHold - Tie)
                {
                    bestHold = cost;
                    bestHoldPlan = (hold, next);
                }
            }
        }

        // On a tie, a phase whose queue is gone and whose cluster has passed gives way; otherwise it keeps its green.
        // With no one waiting for any other phase, there is nothing to switch for.
        var switchNow = bestNext >= 0 && waitingElsewhere && (bestSwitch < bestHold - Tie
            || (bestSwitch <= bestHold + Tie && Idle(current, queue, arrivals) && HasDemand(bestNext, queue, arrivals)));
        var departures = _movements.Select(_ => new double[_steps]).ToArray();
        if (switchNow)
        {
            PlannedDelay = Rollout(current, elapsed, 0, bestNext, queue, arrivals, departures);
        }
        else
        {
            PlannedDelay = Rollout(current, elapsed, bestHoldPlan.Next < 0 ? double.NaN : bestHoldPlan.Hold, bestHoldPlan.Next, queue, arrivals, departures);
        }

        Outflow = new OutflowForecast(
            _model.IntersectionId,
            now,
            _settings.StepSeconds,
            _movements.Select((m, i) => (m, (IReadOnlyList<double>)departures[i])).ToDictionary(x => x.m, x => x.Item2));
        var phases = _model.Phases;
        return switchNow
            ? new SignalDecision(phases[bestNext].Id, $"schedule: switch to {phases[bestNext].Id}, planned delay {bestSwitch:F0} veh-s vs {bestHold:F0} holding")
            : new SignalDecision(phases[current].Id, bestHoldPlan.Next < 0
                ? $"schedule: hold {phases[current].Id} (no better schedule)"
                : $"schedule: hold {phases[current].Id} {bestHoldPlan.Hold:F0} s more then {phases[bestHoldPlan.Next].Id}, planned delay {bestHold:F0} veh-s");
    }

    /// <summary>Notes when each called movement started waiting on red; returns the longest waiter past the max wait, or −1.</summary>
    private int TrackWaiting(ControllerInput input, int current)
    {
        var worst = -1;
        for (var i = 0; i < _movements.Length; i++)
        {
            var o = input.Of(_movements[i]);
            if (_shows[current][i] > 0 || o.Stale || !o.HasCall)
            {
                _waitingSince[i] = double.NaN;
                continue;
            }

            if (double.IsNaN(_waitingSince[i]))
            {
                _waitingSince[i] = input.TimeSeconds;
            }

            if (input.TimeSeconds - _waitingSince[i] >= _maxWait[i] && (worst < 0 || _waitingSince[i] < _waitingSince[worst]))
            {
                worst = i;
            }
        }

        return worst;
    }

    /// <summary>
    /// How long each movement waits at most in one cycle of the programme at its default greens, counted from the start
    /// of the first phase that leaves it red (its clearance is not counted) to the start of its next green: no one who
    /// arrives on red waits longer under the programme the controller replaced (infinite for a movement it never serves).
    /// </summary>
    private static double[] ProgrammeRedSeconds(SignalTimings timings, byte[][] shows)
    {
        var phases = timings.Model.Phases;
        var n = phases.Count;
        var red = new double[shows[0].Length];
        var redSince = red.Select(_ => double.NaN).ToArray();
        var t = 0.0;
        // Two cycles, so a red that wraps round the end of the cycle is measured whole.
        for (var k = 0; k < 2 * n; k++)
        {
            var p = k % n;
            for (var i = 0; i < red.Length; i++)
            {
                if (shows[p][i] > 0)
                {
                    red[i] = double.IsNaN(redSince[i]) ? red[i] : Math.Max(red[i], t - redSince[i]);
                    redSince[i] = double.NaN;
                }
                else if (double.IsNaN(redSince[i]))
                {
                    redSince[i] = t;
                }
            }

            t += timings.ProgrammeGreenSeconds(phases[p]) + timings.TransitionSeconds(phases[p], phases[(p + 1) % n]);
        }

        for (var i = 0; i < red.Length; i++)
        {
            if (shows.All(s => s[i] == 0))
            {
                red[i] = double.PositiveInfinity;
            }
        }

        return red;
    }

    private IEnumerable<double> HoldCandidates(double room)
    {
        double[] grid = [1, 2, 3, 4, 6, 8, 11, 15, 20, 27, 35, 45];
        foreach (var h in grid)
        {
            if (h >= room || h >= _settings.HorizonSeconds)
            {
                break;
            }

            yield return h;
        }

        if (room > 0 && room < _settings.HorizonSeconds)
        {
            yield return room;
        }
    }

    private double[][] Demand(ControllerInput input, out double[] queue)
    {
        queue = new double[_movements.Length];
        var arrivals = new double[_movements.Length][];
        for (var i = 0; i < _movements.Length; i++)
        {
            arrivals[i] = new double[_steps];
            var o = input.Of(_movements[i]);
            if (o.Stale)
            {
                continue;
            }

            queue[i] = o.QueueVehicles;
            foreach (var v in o.Approaching)
            {
                var k = (int)Math.Floor(Math.Max(0, v.EtaSeconds) / _settings.StepSeconds);
                if (k < _steps)
                {
                    arrivals[i][k] += 1;
                }
            }
        }

        return arrivals;
    }

    private bool HasDemandBeyond(int phase, int current, double[] queue, double[][] arrivals)
    {
        for (var m = 0; m < _movements.Length; m++)
        {
            if (_shows[phase][m] > 0 && _shows[current][m] == 0 && (queue[m] >= 0.5 || arrivals[m].Any(a => a > 0)))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasDemand(int phase, double[] queue, double[][] arrivals)
    {
        if (phase < 0)
        {
            return false;
        }

        for (var m = 0; m < _movements.Length; m++)
        {
            if (_shows[phase][m] > 0 && (queue[m] >= 0.5 || arrivals[m].Any(a => a > 0)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Delay of one schedule in the queue model: keep <paramref name="current"/> for <paramref name="holdSeconds"/>
    /// (NaN: while its queue and cluster last), then <paramref name="next"/>, then greedily the phase with most demand.
    /// </summary>
    private double Rollout(int current, double elapsed, double holdSeconds, int next, double[] queue0, double[][] arrivals, double[][]? departures)
    {
        var dt = _settings.StepSeconds;
        var m = _movements.Length;
        var q = _queueBuffer;
        var age = _ageBuffer;
        Array.Copy(queue0, q, m);
        for (var i = 0; i < m; i++)
        {
            age[i] = _shows[current][i] > 0 ? elapsed + _settings.StartupLostSeconds : 0;
        }

        var phase = current;
        var inPhase = elapsed;
        var to = -1;
        var transitionLeft = 0.0;
        var stage = double.IsNaN(holdSeconds) ? 1 : 0;
        var holdLeft = holdSeconds;
        var cost = 0.0;
        for (var k = 0; k < _steps; k++)
        {
            if (to < 0)
            {
                var end = stage == 0 ? holdLeft <= 1e-9 : ShouldEnd(phase, inPhase, q, arrivals, k);
                if (end)
                {
                    var chosen = stage == 0 ? next : Greedy(phase, q, arrivals, k);
                    if (chosen >= 0 && chosen != phase)
                    {
                        to = chosen;
                        transitionLeft = _transition[phase, to];
                    }

                    stage = Math.Max(stage, 1) + (chosen >= 0 ? 1 : 0);
                }
            }

            if (to >= 0 && transitionLeft <= 1e-9)
            {
                phase = to;
                to = -1;
                inPhase = 0;
            }

            for (var i = 0; i < m; i++)
            {
                var shows = to < 0 ? _shows[phase][i] : Math.Min(_shows[phase][i], _shows[to][i]);
                age[i] = shows > 0 ? age[i] + dt : 0;
                var available = q[i] + arrivals[i][k];
                var served = 0.0;
                if (shows > 0 && (q[i] < 0.5 || age[i] > _settings.StartupLostSeconds))
                {
                    served = Math.Min(available, _rate[i] * (shows == 1 ? _settings.PermissiveRateFactor : 1.0));
                }

                q[i] = available - served;
                cost += q[i] * dt;
                if (departures is not null)
                {
                    departures[i][k] = served;
                }
            }

            if (to >= 0)
            {
                transitionLeft -= dt;
                if (transitionLeft <= 1e-9)
                {
                    phase = to;
                    to = -1;
                    inPhase = 0;
                }
            }
            else
            {
                inPhase += dt;
                holdLeft -= dt;
            }
        }

        for (var i = 0; i < m; i++)
        {
            cost += q[i] * _settings.ResidualDelaySeconds;
        }

        return cost;
    }

    private bool ShouldEnd(int phase, double inPhase, double[] q, double[][] arrivals, int k) =>
        inPhase >= _min[phase] && (inPhase >= _max[phase] || Idle(phase, q, arrivals, k));

    /// <summary>No queue on the phase's greens and no vehicle of theirs within a cluster gap of step <paramref name="k"/>.</summary>
    private bool Idle(int phase, double[] q, double[][] arrivals, int k = 0)
    {

        var look = Math.Min(_steps, k + 1 + (int)Math.Ceiling(_settings.ClusterGapSeconds / _settings.StepSeconds));
        for (var i = 0; i < _movements.Length; i++)
        {
            if (_shows[phase][i] == 0)
            {
                continue;
            }

            if (q[i] >= 0.5)
            {
                return false;
            }

            for (var j = k; j < look; j++)
            {
                if (arrivals[i][j] > 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The first phase after <paramref name="current"/> in programme order that someone within the horizon waits for: a
    /// movement the current phase does not serve, or any of its movements when it keeps every current green and adds to
    /// it (a programme's stage in two steps, as <see cref="ActuatedController"/> reads it); −1 when none.
    /// </summary>
    private int NextCalled(int current, double[] queue, double[][] arrivals)
    {
        var n = _model.Phases.Count;
        for (var d = 1; d < n; d++)
        {
            var p = (current + d) % n;
            var continues = Continues(current, p);
            for (var i = 0; i < _movements.Length; i++)
            {
                if (_shows[p][i] > 0 && (_shows[current][i] == 0 || continues) && (queue[i] >= 0.5 || arrivals[i].Any(a => a > 0)))
                {
                    return p;
                }
            }
        }

        return -1;
    }

    /// <summary>Phase <paramref name="to"/> keeps every green of <paramref name="from"/> and adds to them.</summary>
    private bool Continues(int from, int to)
    {
        var more = false;
        for (var i = 0; i < _movements.Length; i++)
        {
            if (_shows[from][i] > 0 && _shows[to][i] == 0)
            {
                return false;
            }

            more |= _shows[to][i] > _shows[from][i];
        }

        return more;
    }

    private int Greedy(int phase, double[] q, double[][] arrivals, int k)
    {
        var best = -1;
        var bestScore = 0.0;
        for (var p = 0; p < _model.Phases.Count; p++)
        {
            if (p == phase)
            {
                continue;
            }

            var look = Math.Min(_steps, k + 1 + (int)Math.Ceiling((_transition[phase, p] + _settings.ClusterGapSeconds) / _settings.StepSeconds));
            var score = 0.0;
            for (var i = 0; i < _movements.Length; i++)
            {
                if (_shows[p][i] == 0 || _shows[phase][i] > 0)
                {
                    continue;
                }

                var waiting = q[i];
                for (var j = k; j < look; j++)
                {
                    waiting += arrivals[i][j];
                }

                score += waiting * _rate[i] * (_shows[p][i] == 1 ? _settings.PermissiveRateFactor : 1.0);
            }

            if (score > bestScore)
            {
                best = p;
                bestScore = score;
            }
        }

        return best;
    }
}
