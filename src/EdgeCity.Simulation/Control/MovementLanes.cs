using EdgeCity.Domain.Signals;
using EdgeCity.Simulation.Network;

namespace EdgeCity.Simulation.Control;

/// <summary>The SUMO lanes a movement is measured on: the lanes it leaves from and the lanes it feeds.</summary>
public sealed record MovementLanes(string MovementId, IReadOnlyList<string> InLanes, IReadOnlyList<string> OutLanes)
{
    /// <summary>Maps every movement of a traffic light to its lanes through the link indices it drives.</summary>
    public static IReadOnlyList<MovementLanes> Of(SumoTrafficLight light, IntersectionSignalModel model) =>
        model.Movements.Select(m =>
        {
            var connections = m.LinkIndices.SelectMany(i => light.Links.TryGetValue(i, out var c) ? c : []).ToList();
            return new MovementLanes(
                m.Id,
                m.Kind == MovementKind.Pedestrian ? [] : connections.Select(c => c.FromLaneId).Distinct().ToList(),
                m.Kind == MovementKind.Pedestrian ? [] : connections.Select(c => c.ToLaneId).Distinct().ToList());
        }).ToList();
}
