using System.Globalization;
using EdgeCity.Actors.Assessment;
using EdgeCity.Domain.Assessment;
using EdgeCity.Node.Hosting;

namespace EdgeCity.Node.Api;

/// <summary>
/// The API of a disaster site's box: its findings (filtered, exported, thumbnails), checked marks, the change feed its
/// peers replicate from, the intake the site's boxes forward to when this node is the command post, and the status
/// of its inbox and links. Reading is open like the rest of the API; marking and intake need a token.
/// </summary>
public static class AssessmentEndpoints
{
    public static void MapAssessmentApi(this WebApplication app, AssessmentSetup setup)
    {
        var store = setup.Store;
        var api = app.MapGroup("/api").WithTags("assessment");
        api.MapGet("/findings", (string? kind, string? minConfidence) =>
        {
            var (k, min, problem) = Filter(kind, minConfidence);
            return problem ?? Results.Ok(new { node = setup.Replication.Node, findings = store.Query(k, min).Select(FindingWire.From) });
        });
        api.MapGet("/findings/export.{format}", (string format, string? kind, string? minConfidence) =>
        {
            var (k, min, problem) = Filter(kind, minConfidence);
            if (problem is not null)
            {
                return problem;
            }

            var findings = store.Query(k, min);
            return format switch
            {
                "geojson" => Results.Text(FindingExport.GeoJson(findings), "application/geo+json"),
                "csv" => Results.Text(FindingExport.Csv(findings), "text/csv; charset=utf-8"),
                "kml" => Results.Text(FindingExport.Kml(findings, setup.Replication.Node), "application/vnd.google-earth.kml+xml"),
                _ => Results.Problem(title: "Unknown export format", detail: $"'{format}': use geojson, csv or kml", statusCode: StatusCodes.Status404NotFound),
            };
        });
        api.MapGet("/findings/{id}", (string id) => store.Get(id) is { } f ? Results.Ok(FindingWire.From(f)) : NotFound(id));
        api.MapGet("/findings/{id}/thumbnail", async (string id, CancellationToken ct) =>
        {
            if (store.Get(id) is not { } f)
            {
                return NotFound(id);
            }

            var jpeg = store.Thumbnail(id) ?? await FromOriginAsync(setup, f, ct);
            return jpeg is null
                ? Results.Problem(title: "No thumbnail", detail: $"finding {id} was made by {f.Node}, which has not answered (or has removed it under its disk policy)", statusCode: StatusCodes.Status404NotFound)
                : Results.File(jpeg, "image/jpeg");
        });
        api.MapGet("/assessment/changes", (string? after, string? max) =>
        {
            var errors = new PayloadErrors();
            var from = Number(after, "after", 0, errors);
            var count = (int)Math.Clamp(Number(max, "max", 100, errors), 1, 500);
            if (errors.Any)
            {
                return errors.ToProblem("The query is not valid");
            }

            var changes = store.Changes(from, count).Select(c => new FindingChange(c.Change, FindingWire.From(c.Finding))).ToList();
            return Results.Ok(new FindingChanges(setup.Replication.Node, store.LastChange(), changes));
        });
        api.MapGet("/assessment/status", () =>
        {
            var (findings, thumbnails, bytes) = store.Totals();
            var inbox = setup.Inbox;
            return Results.Ok(new
            {
                node = setup.Replication.Node,
                store = new { path = store.Path, findings, thumbnails, thumbnailBytes = bytes, thumbnailLimitBytes = store.MaxThumbnailBytes, thumbnailsEvicted = store.ThumbnailsEvicted },
                inbox = new { folder = inbox.Folder, assessed = inbox.ImagesAssessed, skipped = inbox.ImagesSkipped, failed = inbox.ImagesFailed, findings = inbox.Findings, lastImage = inbox.LastImage, lastAt = inbox.LastAt, problems = inbox.Problems() },
                links = setup.Links.Snapshot(),
            });
        });

        var changes = api.MapGroup(string.Empty).AddEndpointFilter<ApiToken>();
        changes.MapPost("/findings/{id}/check", (string id, HttpContext http) =>
        {
            var who = http.Items.TryGetValue(ApiChangeRecorder.OperatorKey, out var o) && o is string name ? name : ApiToken.DefaultOperator;
            return store.MarkChecked(id, who, DateTimeOffset.UtcNow) ? Results.Ok(FindingWire.From(store.Get(id)!)) : NotFound(id);
        });
        changes.MapPost("/assessment/intake", async (HttpRequest request) =>
        {
            var (payload, problem) = await PayloadValidation.ReadAsync<FindingIntake>(request);
            if (problem is not null)
            {
                return problem;
            }

            var errors = new PayloadErrors();
            var findings = new List<Finding>();
            for (var i = 0; i < (payload!.Findings?.Count ?? 0); i++)
            {
                try
                {
                    findings.Add(payload.Findings![i].ToFinding());
                }
                catch (FormatException e)
                {
                    errors.Add($"findings[{i}]", e.Message);
                }
            }

            if (errors.Any)
            {
                return errors.ToProblem("The batch is not valid: nothing of it was stored");
            }

            var added = store.Merge(findings);
            return Results.Ok(new FindingIntakeReceipt(findings.Select(f => f.Id).ToList(), added));
        });
    }

    private static async Task<byte[]?> FromOriginAsync(AssessmentSetup setup, Finding f, CancellationToken ct)
    {
        // Thumbnails do not replicate (a thin link carries findings first); asked for, one comes from the box that made it.
        if (setup.Replication.Peers.FirstOrDefault(p => p.Name == f.Node) is not { } origin)
        {
            return null;
        }

        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(setup.Replication.RequestTimeout);
            var jpeg = await setup.Http.GetByteArrayAsync($"{origin.Url.TrimEnd('/')}/api/findings/{Uri.EscapeDataString(f.Id)}/thumbnail", cts.Token);
            setup.Store.PutThumbnail(f.Id, jpeg);
            return jpeg;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static (FindingKind? Kind, double Min, IResult? Problem) Filter(string? kind, string? minConfidence)
    {
        var errors = new PayloadErrors();
        FindingKind? k = null;
        if (kind is { Length: > 0 } && (k = FindingKinds.Parse(kind)) is null)
        {
            errors.Add("kind", $"'{kind}' is not person, vehicle, blocked-road or damaged-building");
        }

        var min = 0.0;
        if (minConfidence is not null && (!double.TryParse(minConfidence, NumberStyles.Float, CultureInfo.InvariantCulture, out min) || min is < 0 or > 1))
        {
            errors.Add("minConfidence", $"must be a number within 0..1, was '{minConfidence}'");
        }

        return (k, min, errors.Any ? errors.ToProblem("The query is not valid") : null);
    }

    private static long Number(string? text, string name, long fallback, PayloadErrors errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0)
        {
            return v;
        }

        errors.Add(name, $"must be a whole number, 0 or more, was '{text}'");
        return fallback;
    }

    private static IResult NotFound(string id) =>
        Results.Problem(title: "No such finding", detail: $"no finding '{id}' on this box", statusCode: StatusCodes.Status404NotFound);
}
