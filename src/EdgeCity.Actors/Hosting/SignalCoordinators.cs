using System.Collections.Concurrent;
using Akka.Actor;

namespace EdgeCity.Actors.Hosting;

/// <summary>The intersection coordinators this node runs, by intersection id (filled when the actor system starts).</summary>
public sealed class SignalCoordinators
{
    private readonly ConcurrentDictionary<string, IActorRef> _byId = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, IActorRef> ById => _byId;

    internal void Add(string intersectionId, IActorRef coordinator) => _byId[intersectionId] = coordinator;
}
