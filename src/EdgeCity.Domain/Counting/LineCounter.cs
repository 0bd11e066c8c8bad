using EdgeCity.Domain.Tracking;

namespace EdgeCity.Domain.Counting;

/// <summary>
/// Counts tracks crossing a camera's count lines, per line, direction and class. Each track counts at most once per
/// line and direction; a tentative track's crossing waits for its confirmation (a vehicle that enters the picture
/// on the line still counts once the tracker trusts it); state is freed when the tracker removes a track.
/// </summary>
public sealed class LineCounter
{
    private readonly List<LineWatch> _watches;
    private readonly Dictionary<long, string> _lastClass = [];

    public LineCounter(IEnumerable<CountLine> lines, CountingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var opts = options ?? new CountingOptions();
        _watches = [];
        foreach (var line in lines)
        {
            line.Validate();
            if (_watches.Any(w => w.Line.Id == line.Id))
            {
                throw new ArgumentException($"Count line id '{line.Id}' is used twice.");
            }

            _watches.Add(new LineWatch(line, opts));
        }
    }

    public IReadOnlyList<CountLine> Lines => _watches.Select(w => w.Line).ToList();

    /// <summary>Per-track entries held over all lines; bounded by the tracker's own bounds.</summary>
    public int RememberedTracks => _watches.Sum(w => w.TrackedSides + w.OpenHandovers);

    /// <summary>
    /// Feeds one tracker update; returns the vehicles counted by it. With the frame's size, a vehicle first seen at
    /// the picture's edge is known to have come in over that edge (lines near the edge count entering traffic too).
    /// </summary>
    public IReadOnlyList<CountEvent> Process(TrackerUpdate update, FrameSize? frame = null)
    {
        ArgumentNullException.ThrowIfNull(update);
        var events = new List<CountEvent>();
        var classes = new Dictionary<long, string>();

        // Lost first: a new id appearing in this very frame next to a vehicle lost in it may take over its side.
        foreach (var id in update.LostNow)
        {
            foreach (var w in _watches)
            {
                w.Lost(id, LastClass(id), update.CapturedAt, events);
            }
        }

        foreach (var track in update.Matched)
        {
            classes[track.Id] = track.ClassName;
            foreach (var w in _watches)
            {
                w.Observe(track, update.CapturedAt, frame, events);
            }
        }

        foreach (var id in update.Removed)
        {
            _lastClass.Remove(id);
            foreach (var w in _watches)
            {
                w.Removed(id);
            }
        }

        foreach (var w in _watches)
        {
            w.Expire(update.CapturedAt);
        }

        foreach (var (id, name) in classes)
        {
            if (!update.Removed.Contains(id))
            {
                _lastClass[id] = name;
            }
        }

        return events;
    }

    private string LastClass(long id) => _lastClass.TryGetValue(id, out var c) ? c : "unknown";
}
