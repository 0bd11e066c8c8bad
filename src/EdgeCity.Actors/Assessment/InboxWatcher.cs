using Akka.Actor;
using Akka.Event;
using EdgeCity.Domain.Assessment;
using EdgeCity.Vision.Assessment;

namespace EdgeCity.Actors.Assessment;

/// <summary>
/// Watches the site's inbox (the folder drones and phones are emptied into) and assesses each new photo and video as
/// it arrives, and takes a frame of each of the box's own cameras every interval (new sightings only, see
/// <see cref="Domain.Assessment.SightingMemory"/>), on a thread of its own (inference must not hold an actor dispatcher). A file still being copied (written
/// in the last <see cref="SettleTime"/>) waits for the next scan; a file seen before is not read again; an image whose
/// content was assessed before (a copy, a restart) is skipped by its digest.
/// </summary>
public sealed class InboxWatcher : ReceiveActor
{
    /// <summary>A file must be this long unchanged before it is read.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    private readonly Func<ImageAssessor> _createAssessor;
    private readonly FindingStore _store;
    private readonly AssessmentInbox _inbox;
    private readonly string _node;
    private readonly double _everySeconds;
    private readonly Func<AssessmentCameras>? _cameras;
    private readonly TimeSpan _remember;
    private readonly CancellationTokenSource _stop = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private Thread? _thread;

    public InboxWatcher(Func<ImageAssessor> createAssessor, FindingStore store, AssessmentInbox inbox, string node, double everySeconds, Func<AssessmentCameras>? cameras = null, TimeSpan? remember = null)
    {
        _cameras = cameras;
        _remember = remember ?? TimeSpan.FromMinutes(10);
        _createAssessor = createAssessor;
        _store = store;
        _inbox = inbox;
        _node = node;
        _everySeconds = everySeconds;
    }

    public static Props Props(Func<ImageAssessor> createAssessor, FindingStore store, AssessmentInbox inbox, string node, double everySeconds, Func<AssessmentCameras>? cameras = null, TimeSpan? remember = null) =>
        Akka.Actor.Props.Create(() => new InboxWatcher(createAssessor, store, inbox, node, everySeconds, cameras, remember));

    protected override void PreStart()
    {
        Directory.CreateDirectory(_inbox.Folder);
        var log = _log;
        _thread = new Thread(() => Watch(log)) { IsBackground = true, Name = "assessment-inbox" };
        _thread.Start();
        _log.Info("assessment: watching {0} for photos and videos", _inbox.Folder);
    }

    protected override void PostStop()
    {
        // Not joined: the thread ends at its next check of the token, and an image being assessed is simply assessed
        // again after a restart (its findings are stored once, by id).
        _stop.Cancel();
    }

    private void Watch(ILoggingAdapter log)
    {
        var seen = new Dictionary<string, (long Size, DateTime Written)>(StringComparer.Ordinal);
        try
        {
            using var assessor = _createAssessor();
            using var cameras = _cameras?.Invoke();
            var run = new AssessmentRun(assessor, _store, _node, _everySeconds);
            var memory = new SightingMemory(_remember);
            var nextFrames = DateTime.UtcNow;
            while (!_stop.IsCancellationRequested)
            {
                foreach (var file in Settled(seen))
                {
                    run.Run([file], _inbox, _stop.Token);
                }

                if (cameras is { Count: > 0 } && DateTime.UtcNow >= nextFrames)
                {
                    // A fixed camera sees the same person or car frame after frame: only new sightings are findings.
                    nextFrames = DateTime.UtcNow.AddSeconds(_everySeconds);
                    foreach (var frame in cameras.TakeFrames(_inbox.Problem))
                    {
                        using (frame)
                        {
                            var camera = frame.Source;
                            run.Assess(frame, 1, 1, _inbox, f => memory.IsNew(camera, f.Kind, f.Box, f.Time ?? DateTimeOffset.UtcNow));
                        }
                    }
                }

                _stop.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(Math.Min(1, _everySeconds / 2)));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The model or the store failed under the watcher: said once, loudly; the node and its API keep running.
            log.Error(e, "assessment: the inbox watcher stopped: {0}", e.Message);
            _inbox.Problem(new IngestProblem(_inbox.Folder, $"assessment stopped: {e.Message}"));
        }
    }

    private List<string> Settled(Dictionary<string, (long Size, DateTime Written)> seen)
    {
        var ready = new List<string>();
        IReadOnlyList<string> files;
        try
        {
            files = AssessmentInputs.Files(_inbox.Folder);
        }
        catch (IOException)
        {
            return ready;
        }

        var now = DateTime.UtcNow;
        foreach (var f in files)
        {
            var info = new FileInfo(f);
            if (!info.Exists || now - info.LastWriteTimeUtc < SettleTime)
            {
                continue;
            }

            var state = (info.Length, info.LastWriteTimeUtc);
            if (!seen.TryGetValue(f, out var before) || before != state)
            {
                seen[f] = state;
                ready.Add(f);
            }
        }

        return ready;
    }
}
