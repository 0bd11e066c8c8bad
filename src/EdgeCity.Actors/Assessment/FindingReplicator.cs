using System.Net.Http.Headers;
using System.Net.Http.Json;
using Akka.Actor;
using Akka.Event;

namespace EdgeCity.Actors.Assessment;

/// <summary>
/// Replicates findings between the site's boxes and forwards them to the command post, over each box's HTTP API, with
/// no dependence on cluster membership: a box cut off for minutes or hours (a satellite link that comes and goes) keeps
/// assessing into its own store and catches up when the link returns. Each round it asks every peer for the changes
/// after the last one it took (the peer's feed holds what the peer got from others too, so findings travel on through
/// any box), merges them (idempotent by id, the latest checked mark winning) and moves that peer's cursor only after
/// the merge is committed; then it sends the command post the changes after the last one acknowledged, and moves that
/// cursor only on its receipt. At least once, never lost, never twice. Thumbnails do not travel: they are asked for.
/// </summary>
public sealed class FindingReplicator : ReceiveActor, IWithTimers
{
    private const string RoundKey = "round";
    private readonly FindingStore _store;
    private readonly ReplicationSettings _settings;
    private readonly AssessmentLinks _links;
    private readonly HttpClient _http;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public FindingReplicator(FindingStore store, ReplicationSettings settings, AssessmentLinks links, HttpClient http)
    {
        _store = store;
        _settings = settings;
        _links = links;
        _http = http;
        ReceiveAsync<Round>(async _ =>
        {
            await RunRoundAsync();
            Timers.StartSingleTimer(RoundKey, Round.Instance, _settings.Interval);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(FindingStore store, ReplicationSettings settings, AssessmentLinks links, HttpClient http) =>
        Akka.Actor.Props.Create(() => new FindingReplicator(store, settings, links, http));

    protected override void PreStart()
    {
        foreach (var p in _settings.Peers)
        {
            _links.Set(new AssessmentLink(p.Name, "peer", p.Url, _store.Cursor(PeerCursor(p.Name)), 0, 0, 0, 0, null, null));
        }

        Timers.StartSingleTimer(RoundKey, Round.Instance, TimeSpan.FromMilliseconds(200));
    }

    private static string PeerCursor(string name) => "peer:" + name;

    private async Task RunRoundAsync()
    {
        foreach (var peer in _settings.Peers)
        {
            await PullAsync(peer.Name, peer.Url.TrimEnd('/'));
        }

        if (_settings.Forwarding.Forwards && _settings.CommandPost is { } post)
        {
            await ForwardAsync(post.Url.TrimEnd('/'));
        }

        AssessmentMetrics.Stored.Set(_store.Totals().Findings);
    }

    private async Task PullAsync(string name, string url)
    {
        var link = _links.Get(name) ?? new AssessmentLink(name, "peer", url, 0, 0, 0, 0, 0, null, null);
        var after = _store.Cursor(PeerCursor(name));
        try
        {
            for (var page = 0; page < 50; page++)
            {
                using var cts = new CancellationTokenSource(_settings.RequestTimeout);
                var feed = await _http.GetFromJsonAsync<FindingChanges>($"{url}/api/assessment/changes?after={after}&max={_settings.Batch}", cts.Token)
                    ?? throw new InvalidDataException("an empty answer");
                var findings = feed.Changes.Select(c => c.Finding.ToFinding()).ToList();
                var merged = _store.Merge(findings);
                if (feed.Changes.Count > 0)
                {
                    after = feed.Changes.Max(c => c.Change);
                    _store.SetCursor(PeerCursor(name), after);
                }

                AssessmentMetrics.Replicated.WithLabels(name).Inc(merged);
                link = link with { Cursor = after, Taken = link.Taken + merged, Waiting = Math.Max(0, feed.Last - after), LastContact = DateTimeOffset.UtcNow, LastError = null };
                _links.Set(link);
                if (feed.Changes.Count < _settings.Batch)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidDataException or FormatException or System.Text.Json.JsonException or NotSupportedException)
        {
            Failed(link, e);
        }
    }

    private async Task ForwardAsync(string url)
    {
        const string name = "command-post";
        var mine = _settings.Forwarding.All ? null : _settings.Node;
        var link = _links.Get(name) ?? new AssessmentLink(name, "command-post", url, 0, 0, 0, 0, 0, null, null);
        var after = _store.Cursor(name);
        try
        {
            while (true)
            {
                var page = _store.Changes(after, _settings.Batch);
                if (page.Count == 0)
                {
                    break;
                }

                var batch = page.Where(c => mine is null || c.Finding.Node == mine).Select(c => FindingWire.From(c.Finding)).ToList();
                var last = page[^1].Change;
                if (batch.Count > 0)
                {
                    _links.Set(link = link with { InFlight = batch.Count, Waiting = _store.CountAfter(after, mine) });
                    using var cts = new CancellationTokenSource(_settings.RequestTimeout);
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"{url}/api/assessment/intake") { Content = JsonContent.Create(new FindingIntake(_settings.Node, batch)) };
                    if (_settings.CommandPostToken is { Length: > 0 } token)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    }

                    using var response = await _http.SendAsync(request, cts.Token);
                    if (!response.IsSuccessStatusCode)
                    {
                        throw new HttpRequestException($"the command post answered {(int)response.StatusCode}: {Trim(await response.Content.ReadAsStringAsync(cts.Token))}");
                    }

                    var receipt = await response.Content.ReadFromJsonAsync<FindingIntakeReceipt>(cts.Token) ?? throw new InvalidDataException("an empty receipt");
                    var missing = batch.Select(f => f.Id).Except(receipt.Acknowledged, StringComparer.Ordinal).FirstOrDefault();
                    if (missing is not null)
                    {
                        throw new InvalidDataException($"the command post did not acknowledge {missing}");
                    }

                    AssessmentMetrics.Forwarded.Inc(batch.Count);
                    link = link with { Acknowledged = link.Acknowledged + batch.Count, Taken = link.Taken + receipt.Added };
                }

                after = last;
                _store.SetCursor(name, after);
                _links.Set(link = link with { Cursor = after, InFlight = 0, Waiting = _store.CountAfter(after, mine), LastContact = batch.Count > 0 ? DateTimeOffset.UtcNow : link.LastContact, LastError = null });
            }

            AssessmentMetrics.ForwardWaiting.Set(0);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidDataException or System.Text.Json.JsonException or NotSupportedException)
        {
            var waiting = _store.CountAfter(after, mine);
            AssessmentMetrics.ForwardWaiting.Set(waiting);
            Failed(link with { InFlight = 0, Waiting = waiting }, e);
        }
    }

    private void Failed(AssessmentLink link, Exception e)
    {
        var why = e is TaskCanceledException ? $"no answer within {_settings.RequestTimeout.TotalSeconds:F0} s" : e.Message;
        if (link.LastError != why)
        {
            _log.Warning("assessment link {0} ({1}): {2}; retrying every {3} s", link.Name, link.Url, why, _settings.Interval.TotalSeconds);
        }

        AssessmentMetrics.LinkErrors.WithLabels(link.Name).Inc();
        _links.Set(link with { LastError = why });
    }

    private static string Trim(string s) => s.Length > 300 ? s[..300] + "..." : s;

    private sealed class Round
    {
        public static readonly Round Instance = new();
    }
}
