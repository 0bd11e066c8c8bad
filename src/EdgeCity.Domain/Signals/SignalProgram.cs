namespace EdgeCity.Domain.Signals;

/// <summary>A complete signal program (a SUMO tlLogic, or a plan): its steps in order, with offset within the corridor's cycle.</summary>
public sealed record SignalProgram(string Id, IReadOnlyList<SignalProgramStep> Steps, double OffsetSeconds = 0)
{
    public double CycleSeconds => Steps.Sum(s => s.DurationSeconds);

    /// <summary>Number of links each state string covers.</summary>
    public int LinkCount => Steps.Count == 0 ? 0 : Steps[0].State.Length;

    /// <summary>Green time of each phase in this program, by phase id (a phase shown in two steps adds up).</summary>
    public IReadOnlyDictionary<string, double> GreenSeconds() => Steps
        .Where(s => s.PhaseId is not null)
        .GroupBy(s => s.PhaseId!)
        .ToDictionary(g => g.Key, g => g.Sum(s => s.DurationSeconds));
}
