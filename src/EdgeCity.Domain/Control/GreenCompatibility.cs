using EdgeCity.Domain.Signals;

namespace EdgeCity.Domain.Control;

/// <summary>Whether two movements may show the given greens at once, by the model's own rule (<see cref="IntersectionSignalModel.CompatibleGreens"/>).</summary>
public static class GreenCompatibility
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    public static bool Compatible(IntersectionSignalModel model, string a, SignalIndication aShows, string b, SignalIndication bShows)
    {
        if (!model.Conflicts.AreFoes(a, b))
        {
            return true;
        }

        // A two-movement stand-in phase lets the model's own definition decide, so the rule lives in one place.
        var permissive = new HashSet<string>();
        if (aShows == SignalIndication.PermissiveGreen)
        {
            permissive.Add(a);
        }

        if (bShows == SignalIndication.PermissiveGreen)
        {
            permissive.Add(b);
        }

        var probe = new Phase("~probe", None, permissive, 0, 0, 0);
        return model.CompatibleGreens(probe, a, b);
    }
}
