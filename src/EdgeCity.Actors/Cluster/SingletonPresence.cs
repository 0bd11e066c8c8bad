using Akka.Actor;
using Akka.Event;
using Prometheus;

namespace EdgeCity.Actors.Cluster;

/// <summary>Wraps a cluster singleton: starts it as a child, forwards its messages, and says (log line, gauge) where it runs.</summary>
/// <remarks>
/// The log line <c>Cluster singleton {name} running on {address}</c> is what operators and the kill -9 test look for to
/// know that the singleton is back after a hand-over; the gauge lets Prometheus see which box hosts it.
/// </remarks>
public sealed class SingletonPresence : ReceiveActor
{
    private static readonly Gauge Running = Metrics.CreateGauge(
        "edgecity_cluster_singleton_running",
        "1 on the node where the named cluster singleton currently runs, 0 elsewhere.",
        new GaugeConfiguration { LabelNames = ["singleton"] });

    private readonly string _name;
    private readonly IActorRef _singleton;

    public SingletonPresence(string name, Props singleton)
    {
        _name = name;
        _singleton = Context.ActorOf(singleton, name);
        Context.Watch(_singleton);
        Receive<Terminated>(t => t.ActorRef.Equals(_singleton), _ => Context.Stop(Self));
        ReceiveAny(m => _singleton.Forward(m));
    }

    /// <summary>Props that host <paramref name="singleton"/> under the name <paramref name="name"/>.</summary>
    public static Props Props(string name, Props singleton) => Akka.Actor.Props.Create(() => new SingletonPresence(name, singleton));

    protected override void PreStart()
    {
        Running.WithLabels(_name).Set(1);
        Context.GetLogger().Info("Cluster singleton {0} running on {1}", _name, Akka.Cluster.Cluster.Get(Context.System).SelfAddress);
    }

    protected override void PostStop()
    {
        Running.WithLabels(_name).Set(0);
        Context.GetLogger().Info("Cluster singleton {0} stopped on {1}", _name, Akka.Cluster.Cluster.Get(Context.System).SelfAddress);
    }
}
