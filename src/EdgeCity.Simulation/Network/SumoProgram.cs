namespace EdgeCity.Simulation.Network;

/// <summary>A <c>tlLogic</c>: one program of one traffic light.</summary>
public sealed record SumoProgram(string TrafficLightId, string ProgramId, string Type, double Offset, IReadOnlyList<SumoPhase> Phases)
{
    public double CycleSeconds => Phases.Sum(p => p.Duration);
}
