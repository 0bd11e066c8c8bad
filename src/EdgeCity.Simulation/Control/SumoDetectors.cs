using EdgeCity.Domain.Control;
using EdgeCity.Simulation.Network;
using EdgeCity.Simulation.Traci;
using static EdgeCity.Simulation.Traci.TraciConstants;

namespace EdgeCity.Simulation.Control;

/// <summary>
/// Detector-level measurements from SUMO, read for a whole network in a few batched TraCI round trips per step:
/// per lane the halting vehicles (queue), occupancy, and every vehicle's distance to the stop line and speed (what a
/// lane-area detector over the approach reports); per movement these become a <see cref="MovementObservation"/> with
/// queue, approaching vehicles and their arrival estimates, stop-line presence, occupancy and flow (departures over
/// the last five minutes).
/// </summary>
public sealed class SumoDetectors
{
    private const double PresenceMeters = 15;
    private const double FlowWindowSeconds = 300;
    private const double VehicleSpacingMeters = 7.5;
    private const double BlockedRoomMeters = 10;

    private readonly TraciConnection _traci;
    private readonly SumoNetwork _network;
    private readonly string[] _lanes;
    private readonly Dictionary<string, HashSet<string>> _previousIds = [];
    private readonly Dictionary<string, Queue<double>> _departures = [];
    private readonly Dictionary<string, long> _departedTotal = [];
    private Dictionary<string, LaneReading> _readings = [];

    public SumoDetectors(TraciConnection traci, SumoNetwork network, IEnumerable<MovementLanes> movements)
    {
        _traci = traci;
        _network = network;
        _lanes = movements.SelectMany(m => m.InLanes.Concat(m.OutLanes).Concat(m.Upstream.Select(u => u.LaneId))).Distinct().Where(network.Lanes.ContainsKey).ToArray();
    }

    /// <summary>How many lanes are read every step.</summary>
    public int LaneCount => _lanes.Length;

    /// <summary>Reads every lane at the current step (time <paramref name="time"/>).</summary>
    public void Read(double time)
    {
        var halting = _traci.GetMany(CmdGetLaneVariable, LastStepHaltingNumber, _lanes, r => r.TypedInt());
        var occupancy = _traci.GetMany(CmdGetLaneVariable, LastStepOccupancy, _lanes, r => r.TypedDouble());
        var ids = _traci.GetMany(CmdGetLaneVariable, LastStepVehicleIdList, _lanes, r => r.TypedStringList());
        var vehicles = ids.SelectMany(x => x).ToList();
        var positions = _traci.GetMany(CmdGetVehicleVariable, VarLanePosition, vehicles, r => r.TypedDouble());
        var speeds = _traci.GetMany(CmdGetVehicleVariable, VarSpeed, vehicles, r => r.TypedDouble());
        var readings = new Dictionary<string, LaneReading>(_lanes.Length);
        var v = 0;
        for (var l = 0; l < _lanes.Length; l++)
        {
            var lane = _network.Lanes[_lanes[l]];
            var moving = new List<(double, double)>();
            var nearest = double.PositiveInfinity;
            foreach (var _ in ids[l])
            {
                var distance = Math.Max(0, lane.Length - positions[v]);
                nearest = Math.Min(nearest, distance);
                if (speeds[v] >= 0.1)
                {
                    moving.Add((distance, speeds[v]));
                }

                v++;
            }

            readings[lane.Id] = new LaneReading(lane.Id, halting[l], ids[l].Count, occupancy[l] / 100.0, moving, nearest);
            CountDepartures(lane.Id, ids[l], time);
        }

        _readings = readings;
    }

    /// <summary>Vehicles that left these lanes since the first read (a stop-line count).</summary>
    public long Departed(IEnumerable<string> lanes) => lanes.Distinct().Sum(l => _departedTotal.GetValueOrDefault(l));

    /// <summary>Vehicles halting on these lanes at the last read.</summary>
    public double Halting(IEnumerable<string> lanes) => lanes.Distinct().Sum(l => _readings.TryGetValue(l, out var r) ? r.Halting : 0);

    /// <summary>The observation of one movement from the last read.</summary>
    public MovementObservation Observe(MovementLanes movement, double time)
    {
        if (movement.InLanes.Count == 0)
        {
            return new MovementObservation();
        }

        double queue = 0, occupancy = 0, downstream = 0, departed = 0;
        var presence = false;
        var approaching = new List<ApproachingVehicle>();
        foreach (var id in movement.InLanes)
        {
            if (!_readings.TryGetValue(id, out var r))
            {
                continue;
            }

            queue += r.Halting;
            occupancy = Math.Max(occupancy, r.Occupancy);
            presence |= r.NearestDistance <= PresenceMeters;
            var limit = _network.Lanes[id].Speed;
            foreach (var (distance, speed) in r.Moving)
            {
                // A moving vehicle keeps roughly its speed, but not slower than a third of the limit (it is accelerating).
                approaching.Add(new ApproachingVehicle(distance / Math.Max(speed, limit / 3)));
            }

            departed += _departures.TryGetValue(id, out var d) ? d.Count : 0;
        }

        foreach (var up in movement.Upstream)
        {
            if (!_readings.TryGetValue(up.LaneId, out var r))
            {
                continue;
            }

            // A lane feeding several movements' lanes counts a share of its queue for each; its moving vehicles are
            // arrivals only where they can go nowhere else.
            queue += r.Halting * up.Share;
            if (up.Share >= 1)
            {
                var limit = _network.Lanes[up.LaneId].Speed;
                foreach (var (distance, speed) in r.Moving)
                {
                    approaching.Add(new ApproachingVehicle((distance + up.MetersToStopLine) / Math.Max(speed, limit / 3)));
                }
            }
        }

        double room = 0;
        foreach (var id in movement.OutLanes)
        {
            if (_readings.TryGetValue(id, out var r))
            {
                downstream += r.Halting;
                room += Math.Max(0, _network.Lanes[id].Length - r.Vehicles * VehicleSpacingMeters);
            }
        }

        // Full of standing vehicles, not merely short: a 12 m exit lane holding one moving car is not spillback.
        if (movement.OutLanes.Count > 0 && room < BlockedRoomMeters && downstream > 0)
        {
            // Spillback: the exit lanes are full, so a green would discharge no one. Reporting the movement's demand
            // would only make controllers serve a blocked movement; it is reported as waiting, not servable.
            return new MovementObservation { DownstreamQueueVehicles = downstream, Occupancy = occupancy, FlowVehiclesPerHour = departed * 3600 / Math.Clamp(time, 60, FlowWindowSeconds) };
        }

        approaching.Sort((a, b) => a.EtaSeconds.CompareTo(b.EtaSeconds));
        return new MovementObservation
        {
            QueueVehicles = queue,
            Approaching = approaching,
            Presence = presence,
            Occupancy = occupancy,
            FlowVehiclesPerHour = departed * 3600 / Math.Clamp(time, 60, FlowWindowSeconds),
            DownstreamQueueVehicles = downstream,
        };
    }

    private void CountDepartures(string lane, IReadOnlyList<string> ids, double time)
    {
        if (!_departures.TryGetValue(lane, out var times))
        {
            _departures[lane] = times = new Queue<double>();
            _previousIds[lane] = [];
        }

        var previous = _previousIds[lane];
        var current = new HashSet<string>(ids);
        foreach (var id in previous)
        {
            if (!current.Contains(id))
            {
                times.Enqueue(time);
                _departedTotal[lane] = _departedTotal.GetValueOrDefault(lane) + 1;
            }
        }

        _previousIds[lane] = current;
        while (times.Count > 0 && times.Peek() < time - FlowWindowSeconds)
        {
            times.Dequeue();
        }
    }
}
