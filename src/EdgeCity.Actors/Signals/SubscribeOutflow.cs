namespace EdgeCity.Actors.Signals;

/// <summary>Asks a coordinator to send its planned outflow (<see cref="EdgeCity.Domain.Control.OutflowForecast"/>) to <see cref="Subscriber"/>.</summary>
public sealed record SubscribeOutflow(Akka.Actor.IActorRef Subscriber);
