using System.Text.Json;
using System.Text.RegularExpressions;
using EdgeCity.Domain.Counting;
using EdgeCity.Domain.Evaluation;
using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Sites;
using EdgeCity.Domain.Zones;

namespace EdgeCity.Node.Api;

/// <summary>Reads and checks API payloads; every error names the field it is about.</summary>
public static partial class PayloadValidation
{
    // Unknown fields are errors here as in site files: a typo ("maxFPS") must not be silently ignored.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    /// <summary>The largest request body the node reads (Kestrel's limit, set by the host).</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>Reads a JSON body; a malformed one becomes a problem naming where the JSON broke.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Json, request.HttpContext.RequestAborted);
            if (value is null)
            {
                var errors = new PayloadErrors();
                errors.Add("$", "a JSON object is required");
                return (null, errors.ToProblem("The request body is empty"));
            }

            return (value, null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Results.Problem(
                title: "The request body is too large",
                detail: $"API bodies are at most {MaxBodyBytes / 1024} KiB; a camera or its analytics take a few.",
                statusCode: StatusCodes.Status413PayloadTooLarge));
        }
        catch (JsonException e)
        {
            var errors = new PayloadErrors();
            var (field, message) = Explain(e, typeof(T));
            errors.Add(field, message);
            return (null, errors.ToProblem("The request body is not valid JSON for this call"));
        }
    }

    /// <summary>The field and a message in the API's words, not the serializer's (which names .NET types).</summary>
    private static (string Field, string Message) Explain(JsonException e, Type payload)
    {
        var path = e.Path is { Length: > 0 } p ? p : "$";
        var unknown = Regex.Match(e.Message, "The JSON property '([^']+)' could not be mapped");
        if (unknown.Success)
        {
            return (unknown.Groups[1].Value, "unknown field");
        }

        var convert = Regex.Match(e.Message, @"could not be converted to ([\w.`\[\]]+)");
        if (convert.Success)
        {
            // The serializer names the record being built, not the field: the field's own type says what was expected.
            var name = path.Split('.', '[')[^1];
            var property = payload.GetProperties().FirstOrDefault(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase));
            var type = property?.PropertyType.ToString() ?? convert.Groups[1].Value;
            var expected = type switch
            {
                _ when type.Contains("Double", StringComparison.Ordinal) || type.Contains("Int", StringComparison.Ordinal) => "a number",
                _ when type.Contains("String", StringComparison.Ordinal) => "a string",
                _ when type.Contains("List", StringComparison.Ordinal) || type.Contains("[]", StringComparison.Ordinal) => "an array",
                _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
                _ => "an object",
            };
            return (path, $"must be {expected}");
        }

        var line = e.LineNumber is { } l ? $" (line {l + 1}, byte {e.BytePositionInLine + 1})" : string.Empty;
        return (path, Domain.Sites.JsonErrorText.Of(e) + line);
    }

    public static CameraDefinition? Camera(CameraPayload p, SiteDefinition? site, PayloadErrors errors, CameraSourcePolicy? sources = null)
    {
        if (string.IsNullOrWhiteSpace(p.Id) || !IdPattern().IsMatch(p.Id))
        {
            errors.Add("id", "required: 1–64 letters, digits, '-', '_' or '.'");
        }

        if (string.IsNullOrWhiteSpace(p.Source))
        {
            errors.Add("source", "required: an rtsp:// or http:// URL, a file path or a /dev/video device");
        }
        else if (CameraSourceRule.Check(p.Source, sources) is { } refused)
        {
            errors.Add("source", refused);
        }

        if (string.IsNullOrWhiteSpace(p.Intersection))
        {
            errors.Add("intersection", "required");
        }
        else if (site is not null)
        {
            var x = site.Intersections.FirstOrDefault(i => i.Id == p.Intersection);
            if (x is null)
            {
                errors.Add("intersection", $"'{p.Intersection}' is not an intersection of site '{site.Name}' ({string.Join(", ", site.Intersections.Select(i => i.Id))})");
            }
            else if (string.IsNullOrWhiteSpace(p.Approach) || x.Approaches.All(a => a.Id != p.Approach))
            {
                errors.Add("approach", $"'{p.Approach}' is not an approach of {x.Id} ({string.Join(", ", x.Approaches.Select(a => a.Id))})");
            }
        }

        if (string.IsNullOrWhiteSpace(p.Approach))
        {
            errors.Add("approach", "required");
        }

        if (p.MaxFps is < 0 or > 240)
        {
            errors.Add("maxFps", "must be between 0 (no limit) and 240");
        }

        var (lines, zones) = Analytics(new AnalyticsPayload(p.CountLines ?? [], p.Zones ?? []), errors, p.Approach);
        if (p.Calibration is { } calibration && !errors.Any)
        {
            try
            {
                // The same check the analytics make when they start: a homography of 9 numbers, or 4+ point pairs that solve one.
                SiteCameraSetup.For(new SiteDefinition { Cameras = [new CameraDefinition { Id = p.Id!, Approach = p.Approach!, Calibration = calibration }] }, p.Id!);
            }
            catch (ArgumentException e)
            {
                errors.Add("calibration", e.Message);
            }
        }

        return errors.Any
            ? null
            : new CameraDefinition
            {
                Calibration = p.Calibration,
                Id = p.Id!,
                Source = p.Source!,
                Intersection = p.Intersection!,
                Approach = p.Approach!,
                Model = p.Model ?? Domain.Sites.DefaultDetectors.RealCamera, // a camera added through the API is a real one
                MaxFps = p.MaxFps ?? 0,
                CountLines = lines,
                Zones = zones.Select(z => new ZoneDefinition { Id = z.Id, Lane = z.Lane, Polygon = z.Polygon.Select(q => (IReadOnlyList<double>)[q.X, q.Y]).ToList() }).ToList(),
            };
    }

    /// <summary>Turns the payload into the domain's count lines and lane zones; <paramref name="defaultApproach"/> fills a missing approach.</summary>
    public static (IReadOnlyList<CountLineDefinition> Lines, IReadOnlyList<LaneZone> Zones) Analytics(AnalyticsPayload p, PayloadErrors errors, string? defaultApproach = null)
    {
        if (p.CountLines is null && p.Zones is null)
        {
            errors.Add("countLines", "give countLines, zones or both (an empty list clears them)");
        }

        var lines = new List<CountLineDefinition>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (l, i) in (p.CountLines ?? []).Select((l, i) => (l, i)))
        {
            var at = $"countLines[{i}]";
            var from = PointOf(l?.From, $"{at}.from", errors);
            var to = PointOf(l?.To, $"{at}.to", errors);
            var approach = l?.Approach ?? defaultApproach;
            CheckId(l?.Id, $"{at}.id", ids, errors);
            if (string.IsNullOrWhiteSpace(approach))
            {
                errors.Add($"{at}.approach", "required");
            }

            if (from is { } a && to is { } b && a == b)
            {
                errors.Add($"{at}.to", "must differ from 'from' (a line needs length)");
            }

            if (!CountLineAnchors.TryParse(l?.Anchor, out _))
            {
                errors.Add($"{at}.anchor", $"must be one of {string.Join(", ", CountLineAnchors.ByName.Keys)}");
            }

            if (l?.In is { Length: > 0 } inName && string.Equals(inName, l.Out, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{at}.out", "must differ from 'in': the two directions need different names");
            }

            // The same line as in a site file: "in" crosses from its right-hand side to its left (walking from -> to).
            if (from is { } f && to is { } t && !string.IsNullOrWhiteSpace(l!.Id) && !string.IsNullOrWhiteSpace(approach))
            {
                lines.Add(new CountLineDefinition { Id = l.Id, Approach = approach, From = [f.X, f.Y], To = [t.X, t.Y], In = Named(l.In), Out = Named(l.Out), Anchor = l.Anchor });
            }
        }

        var zones = new List<LaneZone>();
        ids.Clear();
        foreach (var (z, i) in (p.Zones ?? []).Select((z, i) => (z, i)))
        {
            var at = $"zones[{i}]";
            CheckId(z?.Id, $"{at}.id", ids, errors);
            var approach = z?.Approach ?? defaultApproach;
            if (string.IsNullOrWhiteSpace(approach))
            {
                errors.Add($"{at}.approach", "required");
            }

            if (string.IsNullOrWhiteSpace(z?.Lane))
            {
                errors.Add($"{at}.lane", "required: the lane the zone covers");
            }

            var polygon = new List<Point2>();
            if (z?.Polygon is not { Length: >= 3 })
            {
                errors.Add($"{at}.polygon", "required: at least 3 [x, y] points");
            }
            else
            {
                for (var k = 0; k < z.Polygon.Length; k++)
                {
                    if (PointOf(z.Polygon[k], $"{at}.polygon[{k}]", errors) is { } q)
                    {
                        polygon.Add(q);
                    }
                }
            }

            Point2? s0 = polygon.Count > 1 ? polygon[0] : null, s1 = polygon.Count > 1 ? polygon[1] : null;
            if (z?.StopLine is { } stop)
            {
                if (stop.Length != 2)
                {
                    errors.Add($"{at}.stopLine", "must be two [x, y] points");
                }
                else
                {
                    s0 = PointOf(stop[0], $"{at}.stopLine[0]", errors);
                    s1 = PointOf(stop[1], $"{at}.stopLine[1]", errors);
                }
            }

            if (!errors.Any && s0 is { } p0 && s1 is { } p1)
            {
                zones.Add(new LaneZone(z!.Id!, approach!, z.Lane!, polygon, p0, p1));
            }
        }

        return (lines, zones);
    }

    private static void CheckId(string? id, string field, HashSet<string> seen, PayloadErrors errors)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add(field, "required");
        }
        else if (!seen.Add(id))
        {
            errors.Add(field, $"'{id}' is used twice");
        }
    }

    private static Point2? PointOf(double[]? xy, string field, PayloadErrors errors)
    {
        if (xy is not { Length: 2 })
        {
            errors.Add(field, "required: [x, y] in image pixels");
            return null;
        }

        if (!double.IsFinite(xy[0]) || !double.IsFinite(xy[1]) || xy[0] < 0 || xy[1] < 0 || xy[0] > 16384 || xy[1] > 16384)
        {
            errors.Add(field, "pixel coordinates must lie between 0 and 16384");
            return null;
        }

        return new Point2(xy[0], xy[1]);
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex IdPattern();

    /// <summary>A direction name as given, or null (the plain "in"/"out") when it is blank.</summary>
    private static string? Named(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim();
}
