using Akka.Hosting;
using EdgeCity.Actors.Signals;

namespace EdgeCity.Actors.Hosting;

/// <summary>Akka.Hosting wiring for signal control: one <see cref="IntersectionCoordinator"/> per intersection this box owns.</summary>
public static class SignalControlExtensions
{
    /// <summary>
    /// Starts a coordinator per entry <paramref name="intersections"/> returns (given the host's services) (named <c>coordinator-ID</c>, where the operator API looks for it) when the actor
    /// system starts, and records each in <paramref name="coordinators"/> so measurements can reach it.
    /// </summary>
    public static AkkaConfigurationBuilder WithEdgeCitySignalControl(
        this AkkaConfigurationBuilder builder, Func<IServiceProvider, IReadOnlyList<IntersectionCoordinatorSettings>> intersections, SignalCoordinators coordinators) =>
        builder.WithActors((system, _, resolver) =>
        {
            foreach (var settings in intersections(resolver.GetService<IServiceProvider>()))
            {
                var id = settings.Timings.Model.IntersectionId;
                coordinators.Add(id, system.ActorOf(IntersectionCoordinator.Props(settings), $"coordinator-{Uri.EscapeDataString(id)}"));
            }
        });
}
