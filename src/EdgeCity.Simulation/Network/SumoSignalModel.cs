using EdgeCity.Domain.Signals;

namespace EdgeCity.Simulation.Network;

/// <summary>A traffic light of a SUMO network in EdgeCity's terms: its signal model, SUMO's own program, and what could not be mapped.</summary>
public sealed record SumoSignalModel(
    SumoTrafficLight TrafficLight,
    IntersectionSignalModel Model,
    SignalProgram Program,
    IReadOnlyList<string> Warnings);
