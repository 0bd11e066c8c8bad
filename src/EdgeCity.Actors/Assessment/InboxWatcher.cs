using Akka.Actor;
using Akka.Event;
using EdgeCity.Vision.Assessment;

namespace EdgeCity.Actors.Assessment;

/// <summary>
/// Watches the site's inbox (the folder drones and phones are emptied into) and assesses each new photo and video as
/// it arrives, on a thread of its own (inference must not hold an actor dispatcher). A file still being copied (written
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
    private readonly CancellationTokenSource _stop = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private Thread? _thread;

    public InboxWatcher(Func<ImageAssessor> createAssessor, FindingStore store, AssessmentInbox inbox, string node, double everySeconds)
    {
        _createAssessor = createAssessor;
        _store = store;
        _inbox = inbox;
        _node = node;
        _everySeconds = everySeconds;
    }

    public static Props Props(Func<ImageAssessor> createAssessor, FindingStore store, AssessmentInbox inbox, string node, double everySeconds) =>
        Akka.Actor.Props.Create(() => new InboxWatcher(createAssessor, store, inbox, node, everySeconds));

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
            var run = new AssessmentRun(assessor, _store, _node, _everySeconds);
            while (!_stop.IsCancellationRequested)
            {
                foreach (var file in Settled(seen))
                {
                    run.Run([file], _inbox, _stop.Token);
                }

                _stop.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(1));
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
