using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Assessment;

/// <summary>
/// What a fixed camera has already reported: a person or vehicle seen frame after frame is one finding, not one every
/// few seconds. A sighting is new unless the same camera saw one of the same kind overlapping it (IoU at least
/// <see cref="SameIoU"/>) within the memory; a repeat refreshes the remembered box and time, so a parked car stays one
/// finding however long it stays.
/// </summary>
public sealed class SightingMemory(TimeSpan remember)
{
    public const double SameIoU = 0.4;

    private readonly Dictionary<string, List<(FindingKind Kind, BoxF Box, DateTimeOffset Seen)>> _byCamera = new(StringComparer.Ordinal);

    /// <summary>True when this sighting is new (and remembers it); false when it repeats one seen within the memory.</summary>
    public bool IsNew(string camera, FindingKind kind, BoxF box, DateTimeOffset at)
    {
        if (!_byCamera.TryGetValue(camera, out var seen))
        {
            _byCamera[camera] = seen = [];
        }

        seen.RemoveAll(s => at - s.Seen > remember);
        for (var i = 0; i < seen.Count; i++)
        {
            if (seen[i].Kind == kind && seen[i].Box.IoU(box) >= SameIoU)
            {
                seen[i] = (kind, box, at);
                return false;
            }
        }

        seen.Add((kind, box, at));
        return true;
    }
}
