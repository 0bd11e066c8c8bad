using Akka.Actor;
using Akka.Cluster;

namespace EdgeCity.Node.Hosting;

/// <summary>Decides whether the node is ready to serve: its actor system runs and it is an Up member of its cluster.</summary>
public sealed class NodeReadiness(IServiceProvider services)
{
    /// <summary>Returns null when ready, otherwise the reason it is not.</summary>
    public string? NotReadyReason()
    {
        ActorSystem? system;
        try
        {
            system = services.GetService<ActorSystem>();
        }
        catch (InvalidOperationException ex)
        {
            return "actor system not started: " + ex.Message;
        }

        if (system is null || system.WhenTerminated.IsCompleted)
        {
            return "actor system not running";
        }

        var self = Akka.Cluster.Cluster.Get(system).SelfMember;
        if (self.Status != MemberStatus.Up)
        {
            return $"cluster member status is {self.Status}";
        }

        // What the node depends on beyond its actor system: the demo's twin (its signal heads and clock).
        return services.GetService<LiveSignals>()?.Fault;
    }
}
