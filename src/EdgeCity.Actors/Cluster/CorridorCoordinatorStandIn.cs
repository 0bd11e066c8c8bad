using Akka.Actor;

namespace EdgeCity.Actors.Cluster;

/// <summary>Holds the corridor coordinator's singleton slot until the signal-control CorridorCoordinator is wired in; issues no advice.</summary>
/// <remarks>Issuing no advice is always safe: intersections run on their own decisions when advice is absent.</remarks>
public sealed class CorridorCoordinatorStandIn : ReceiveActor
{
    public CorridorCoordinatorStandIn() => ReceiveAny(_ => { });

    /// <summary>Props for the stand-in.</summary>
    public static Props Props() => Akka.Actor.Props.Create<CorridorCoordinatorStandIn>();
}
