namespace EdgeCity.Actors.Cluster;

/// <summary>Distributed pub-sub topics shared by every node.</summary>
public static class ClusterTopics
{
    /// <summary>Every intersection coordinator publishes its <c>IntersectionState</c> here; the corridor coordinator and the operator view subscribe.</summary>
    public const string IntersectionStates = "intersection-states";

    /// <summary>The corridor coordinator publishes <c>CorridorAdvice</c> here; intersection coordinators subscribe and may apply it.</summary>
    public const string CorridorAdvice = "corridor-advice";
}
