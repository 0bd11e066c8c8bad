using EdgeCity.Domain.Signals;

namespace EdgeCity.Domain.Control;

/// <summary>
/// The effective timing rules the validator enforces for one intersection: per-movement clearance (yellow, or
/// flashing don't walk for pedestrians) and all-red, and per-phase minimum and maximum green including pedestrian walk.
/// </summary>
public sealed class SignalTimings
{
    private readonly Dictionary<string, PedestrianTiming> _pedestrians;

    public SignalTimings(IntersectionSignalModel model, IReadOnlyDictionary<string, PedestrianTiming>? pedestrians = null)
    {
        var problems = model.Check();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"signal model of '{model.IntersectionId}' is invalid: {string.Join("; ", problems)}", nameof(model));
        }

        if (model.Phases.Count == 0)
        {
            throw new ArgumentException($"signal model of '{model.IntersectionId}' has no phases", nameof(model));
        }

        Model = model;
        _pedestrians = new Dictionary<string, PedestrianTiming>(pedestrians ?? new Dictionary<string, PedestrianTiming>());
        foreach (var id in _pedestrians.Keys.Where(id => model.Movements.All(m => m.Id != id)))
        {
            throw new ArgumentException($"pedestrian timing for unknown movement '{id}' at '{model.IntersectionId}'", nameof(pedestrians));
        }

        PhaseIndex = model.Phases.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
    }

    public IntersectionSignalModel Model { get; }

    /// <summary>Index of each phase in the program order.</summary>
    public IReadOnlyDictionary<string, int> PhaseIndex { get; }

    /// <summary>How long a movement shows yellow (or flashing don't walk) when its green ends.</summary>
    public double ClearanceSeconds(string movementId)
    {
        var yellow = Model.IntergreenOf(movementId).YellowSeconds;
        return _pedestrians.TryGetValue(movementId, out var ped) ? Math.Max(yellow, ped.ClearanceSeconds) : yellow;
    }

    /// <summary>The all-red that follows the clearance before a conflicting movement may start.</summary>
    public double AllRedSeconds(string movementId) => Model.IntergreenOf(movementId).AllRedSeconds;

    /// <summary>Clearance plus all-red: the time from a movement's end of green until its foes may start.</summary>
    public double IntergreenSeconds(string movementId) => ClearanceSeconds(movementId) + AllRedSeconds(movementId);

    /// <summary>
    /// The time from <paramref name="from"/>'s end of green until its foe <paramref name="to"/> may start: the pair's
    /// intergreen where the programme sets one (never longer than the movement's whole intergreen), else the whole one.
    /// A pedestrian's clearance is never shortened.
    /// </summary>
    public double IntergreenSeconds(string from, string to) =>
        !_pedestrians.ContainsKey(from) && Model.PairIntergreens.TryGetValue(IntersectionSignalModel.PairKey(from, to), out var pair)
            ? Math.Min(pair, IntergreenSeconds(from))
            : IntergreenSeconds(from);

    /// <summary>The phase's minimum green, raised to the walk time of any pedestrian movement it serves.</summary>
    public double MinGreenSeconds(Phase phase) =>
        phase.Greens.Select(m => _pedestrians.TryGetValue(m, out var p) ? p.WalkSeconds : 0.0).DefaultIfEmpty(0.0)
            .Max() is var walk && walk > phase.MinGreenSeconds ? walk : phase.MinGreenSeconds;

    /// <summary>The phase's maximum green (never below its effective minimum).</summary>
    public double MaxGreenSeconds(Phase phase) => Math.Max(phase.MaxGreenSeconds, MinGreenSeconds(phase));

    /// <summary>The green the programme gives the phase: its default, within its effective bounds.</summary>
    public double ProgrammeGreenSeconds(Phase phase) => Math.Clamp(phase.DefaultGreenSeconds, MinGreenSeconds(phase), MaxGreenSeconds(phase));

    /// <summary>Time lost when a phase ends: the longest intergreen of the movements it stops.</summary>
    public double TransitionSeconds(Phase from, Phase to) =>
        from.Greens.Where(m => !to.IsGreen(m)).Select(IntergreenSeconds).DefaultIfEmpty(0.0).Max();

    public bool IsPedestrian(string movementId) => _pedestrians.ContainsKey(movementId)
        || Model.Movements.Any(m => m.Id == movementId && m.Kind == MovementKind.Pedestrian);
}
