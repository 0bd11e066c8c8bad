namespace EdgeCity.Domain.Signals;

/// <summary>Writes the per-link state string a signal head (SUMO's setRedYellowGreenState) takes for a phase or its clearance.</summary>
public static class SignalStateString
{
    /// <summary>'G' for protected greens, 'g' for permissive ones, 'r' for every other link.</summary>
    public static string ForPhase(IntersectionSignalModel model, Phase phase, int linkCount) =>
        Compose(model, linkCount, m => phase.ProtectedGreens.Contains(m) ? 'G' : phase.PermissiveGreens.Contains(m) ? 'g' : 'r');

    /// <summary>'y' for the movements ending their green, 'G'/'g' for those staying green into the next phase, 'r' otherwise.</summary>
    public static string ForClearance(IntersectionSignalModel model, Phase from, Phase to, int linkCount) =>
        Compose(model, linkCount, m =>
        {
            if (!from.IsGreen(m))
            {
                return 'r';
            }

            if (to.IsGreen(m))
            {
                // Stays green: keep the weaker of the two greens during the change.
                return from.ProtectedGreens.Contains(m) && to.ProtectedGreens.Contains(m) ? 'G' : 'g';
            }

            return 'y';
        });

    /// <summary>All links red.</summary>
    public static string AllRed(int linkCount) => new('r', linkCount);

    private static string Compose(IntersectionSignalModel model, int linkCount, Func<string, char> letter)
    {
        var state = new char[linkCount];
        Array.Fill(state, 'r');
        foreach (var movement in model.Movements)
        {
            var c = letter(movement.Id);
            foreach (var index in movement.LinkIndices.Where(i => i >= 0 && i < linkCount))
            {
                state[index] = c;
            }
        }

        return new string(state);
    }
}
