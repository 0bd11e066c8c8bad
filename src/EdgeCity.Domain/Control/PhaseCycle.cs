using EdgeCity.Domain.Signals;

namespace EdgeCity.Domain.Control;

/// <summary>Program-order helpers: the phases after a given one, cyclically.</summary>
public static class PhaseCycle
{
    /// <summary>The phases after <paramref name="currentId"/> in program order, wrapping, ending with the current one.</summary>
    public static IEnumerable<Phase> After(IntersectionSignalModel model, string currentId)
    {
        var n = model.Phases.Count;
        var start = 0;
        for (var i = 0; i < n; i++)
        {
            if (model.Phases[i].Id == currentId)
            {
                start = i;
                break;
            }
        }

        for (var k = 1; k <= n; k++)
        {
            yield return model.Phases[(start + k) % n];
        }
    }

    public static Phase Next(IntersectionSignalModel model, string currentId) => After(model, currentId).First();
}
