using EdgeCity.Domain.Signals;

namespace EdgeCity.Domain.Control;

/// <summary>
/// Encodes per-movement indications as SUMO's red-yellow-green state string (one character per link index):
/// 'G' protected, 'g' permissive, 'y' yellow, 'r' red. A pedestrian crossing's flashing don't walk is 'r' in SUMO
/// (no one may start crossing; those on it finish). Links no movement drives stay 'r'.
/// </summary>
public static class SumoSignalState
{
    public static string Encode(IntersectionSignalModel model, IReadOnlyDictionary<string, SignalIndication> indications, int linkCount)
    {
        var chars = Enumerable.Repeat('r', linkCount).ToArray();
        foreach (var movement in model.Movements)
        {
            var shows = indications.TryGetValue(movement.Id, out var s) ? s : SignalIndication.Red;
            var c = shows switch
            {
                SignalIndication.Green => 'G',
                SignalIndication.PermissiveGreen => 'g',
                SignalIndication.Yellow => movement.Kind == MovementKind.Pedestrian ? 'r' : 'y',
                _ => 'r',
            };
            foreach (var link in movement.LinkIndices)
            {
                if (link < 0 || link >= linkCount)
                {
                    throw new ArgumentOutOfRangeException(nameof(linkCount), $"movement {movement.Id} drives link {link}, but the signal has {linkCount} links");
                }

                chars[link] = c;
            }
        }

        return new string(chars);
    }
}
