namespace EdgeCity.Simulation.Twin;

/// <summary>FNV-1a over a string: the same colour and noise for the same id in every run (string.GetHashCode is randomised).</summary>
internal static class StableHash
{
    public static uint Of(string text)
    {
        var h = 2166136261u;
        foreach (var c in text)
        {
            h = (h ^ c) * 16777619u;
        }

        return h;
    }
}
