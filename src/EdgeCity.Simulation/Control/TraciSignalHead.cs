using EdgeCity.Domain.Control;
using EdgeCity.Domain.Signals;

namespace EdgeCity.Simulation.Control;

/// <summary>
/// A SUMO traffic light as signal head: each validated state becomes SUMO's red-yellow-green string by link index
/// (<see cref="SumoSignalState.Encode"/>) and is set over TraCI by the simulation loop before its next step, so the
/// coordinator never blocks on the socket. A step sets every SUMO link, so the yellow and all-red are shown as validated.
/// </summary>
public sealed class TraciSignalHead(string trafficLightId, IntersectionSignalModel model, int linkCount, SumoSignalQueue queue) : ISignalHead
{
    public string Name => "sumo";

    public Task ApplyAsync(SignalCommand command, CancellationToken cancellationToken) =>
        queue.Post(trafficLightId, SumoSignalState.Encode(model, command.State.Indications, linkCount)).WaitAsync(cancellationToken);
}
