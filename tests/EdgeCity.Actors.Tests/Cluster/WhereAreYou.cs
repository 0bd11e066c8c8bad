using Akka.Actor;

namespace EdgeCity.Actors.Tests.Cluster;

/// <summary>The tests' own singleton: answers with the address of the node it runs on.</summary>
internal sealed class WhereAreYou : ReceiveActor
{
    public const string Question = "where-are-you";

    public WhereAreYou() =>
        Receive<string>(q => q == Question, _ => Sender.Tell(Akka.Cluster.Cluster.Get(Context.System).SelfAddress.ToString()));

    public static Props Props() => Akka.Actor.Props.Create<WhereAreYou>();
}
