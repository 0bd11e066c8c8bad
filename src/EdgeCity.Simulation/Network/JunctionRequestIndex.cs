namespace EdgeCity.Simulation.Network;

/// <summary>
/// Maps connections to their row in a junction's right-of-way table. A junction lists one internal lane per request
/// (<c>intLanes</c>); a connection's internal lane is its <c>via</c>, or its target for a pedestrian crossing, and
/// SUMO names internal lanes <c>:junction_k_l</c> after the request <c>k + l</c> they start. When neither fits, SUMO's
/// numbering is walked: incoming lanes in order, each lane's connections in file order (as sumolib does).
/// </summary>
internal static class JunctionRequestIndex
{
    public static Dictionary<SumoConnection, int> Of(SumoNetwork network, SumoJunction junction, IEnumerable<SumoConnection> connections)
    {
        var count = junction.Foes.Count;
        var byVia = ByInternalLanes(junction, connections, count);
        return byVia ?? ByWalk(network, junction, count);
    }

    private static Dictionary<SumoConnection, int>? ByInternalLanes(SumoJunction junction, IEnumerable<SumoConnection> connections, int count)
    {
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < junction.InternalLanes.Count; i++)
        {
            position[junction.InternalLanes[i]] = i;
        }

        var result = new Dictionary<SumoConnection, int>();
        var prefix = $":{junction.Id}_";
        foreach (var c in connections)
        {
            int index;
            if (c.Via is { } via && position.TryGetValue(via, out var p))
            {
                index = p;
            }
            else if (c.ToEdge.StartsWith(':') && position.TryGetValue(c.ToLaneId, out var q))
            {
                index = q;
            }
            else if (c.Via is { } v && v.StartsWith(prefix, StringComparison.Ordinal) && ParseNumbered(v[prefix.Length..]) is { } n)
            {
                index = n;
            }
            else
            {
                continue;
            }

            if (index >= count || result.ContainsValue(index))
            {
                return null;
            }

            result[c] = index;
        }

        return result.Count > 0 ? result : null;
    }

    private static int? ParseNumbered(string suffix)
    {
        var parts = suffix.Split('_');
        return parts.Length == 2 && int.TryParse(parts[0], out var k) && int.TryParse(parts[1], out var l) ? k + l : null;
    }

    private static Dictionary<SumoConnection, int> ByWalk(SumoNetwork network, SumoJunction junction, int count)
    {
        var incoming = junction.IncomingLanes.ToHashSet(StringComparer.Ordinal);
        var byLane = network.Connections.Where(c => incoming.Contains(c.FromLaneId)).ToLookup(c => c.FromLaneId);
        var result = new Dictionary<SumoConnection, int>();
        var index = 0;
        foreach (var lane in junction.IncomingLanes)
        {
            foreach (var c in byLane[lane])
            {
                var fromFunction = network.Edges.TryGetValue(c.FromEdge, out var from) ? from.Function : null;
                var toFunction = network.Edges.TryGetValue(c.ToEdge, out var to) ? to.Function : null;
                if ((fromFunction == "walkingarea" && toFunction != "crossing") || (toFunction == "walkingarea" && fromFunction != "crossing"))
                {
                    continue;
                }

                result[c] = index++;
            }
        }

        // When the walk does not match the table, trust nothing rather than map conflicts wrongly.
        return index == count ? result : [];
    }
}
