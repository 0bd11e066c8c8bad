namespace EdgeCity.Node.Api;

/// <summary>
/// The alarm list: derived once a second from what the <see cref="OperatorView"/> shows (cameras down, intersections on
/// a fallback, a signal head failing, a supervisor hand-back), the cluster (a member unreachable) and the node's own
/// fault (its twin down), so the list and the view never disagree. Each alarm keeps the
/// time it was first seen; an acknowledgement names the operator and holds until the alarm clears; cleared alarms
/// stay in a short recent list. Thread-safe.
/// </summary>
public sealed class OperatorAlarms(TimeProvider time)
{
    private const int RecentKept = 50;
    private readonly object _gate = new();
    private readonly Dictionary<string, Alarm> _active = new(StringComparer.Ordinal);
    private readonly LinkedList<Alarm> _recent = new();

    /// <summary>
    /// Re-derives the active alarms; <paramref name="nodeFault"/> is why the node cannot do its job, or null. Returns
    /// whether the list changed (an alarm raised, cleared or reworded).
    /// </summary>
    public bool Refresh(OperatorView view, string? nodeFault, ClusterSnapshot? cluster = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var now = time.GetUtcNow();
        var current = new List<(string Id, string Kind, string Subject, string Reason)>();
        foreach (var c in view.Cameras().Where(c => c.Status == "down"))
        {
            current.Add(($"camera-down:{c.Id}", "camera-down", c.Id, c.Reason ?? "down"));
        }

        foreach (var x in view.Intersections(withTimeline: false))
        {
            if (x.Fallback is not ("none" or "unknown"))
            {
                var stale = x.StaleMovements.Count > 0 ? $": stale data on {string.Join(", ", x.StaleMovements)}" : string.Empty;
                current.Add(($"fallback:{x.Id}", "fallback", x.Id, $"{x.Fallback}{stale}"));
            }

            if (x.HeadFault is { } head)
            {
                current.Add(($"head:{x.Id}", "head-lost", x.Id, head));
            }

            if (x.HandedBack is { } why)
            {
                current.Add(($"handed-back:{x.Id}", "handed-back", x.Id, $"supervisor handed back to actuated control: {why}"));
            }
        }

        foreach (var m in cluster?.Members.Where(m => !m.Reachable) ?? [])
        {
            current.Add(($"link:{m.Address}", "link-lost", m.Address, $"cluster member {m.Address} ({string.Join(", ", m.Roles)}) is unreachable"));
        }

        if (nodeFault is not null)
        {
            current.Add(("node:fault", "node", "this node", nodeFault));
        }

        var changed = false;
        lock (_gate)
        {
            foreach (var (id, kind, subject, reason) in current)
            {
                var known = _active.TryGetValue(id, out var was);
                changed |= !known || was!.Reason != reason;
                _active[id] = known ? was! with { Reason = reason } : new Alarm(id, kind, subject, now, reason);
            }

            foreach (var gone in _active.Keys.Except(current.Select(c => c.Id)).ToList())
            {
                changed = true;
                _recent.AddFirst(_active[gone] with { ClearedAt = now });
                _active.Remove(gone);
                if (_recent.Count > RecentKept)
                {
                    _recent.RemoveLast();
                }
            }
        }

        return changed;
    }

    /// <summary>Active alarms, oldest first.</summary>
    public IReadOnlyList<Alarm> Active()
    {
        lock (_gate)
        {
            return _active.Values.OrderBy(a => a.Since).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>Alarms that cleared, newest first.</summary>
    public IReadOnlyList<Alarm> Recent()
    {
        lock (_gate)
        {
            return [.. _recent];
        }
    }

    /// <summary>Marks an active alarm seen by <paramref name="operatorName"/>; false when no such alarm is active.</summary>
    public bool Acknowledge(string id, string operatorName)
    {
        lock (_gate)
        {
            if (!_active.TryGetValue(id, out var alarm))
            {
                return false;
            }

            _active[id] = alarm with { AcknowledgedBy = operatorName, AcknowledgedAt = time.GetUtcNow() };
            return true;
        }
    }
}
