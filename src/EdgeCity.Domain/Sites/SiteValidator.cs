namespace EdgeCity.Domain.Sites;

/// <summary>Checks a parsed site for the mistakes that would otherwise surface at an intersection: missing ids, duplicates, dangling references.</summary>
public static class SiteValidator
{
    /// <summary>Controllers a site may name: every controller <see cref="Control.Controllers.SignalControllers"/> builds.</summary>
    public static readonly IReadOnlySet<string> KnownControllers = new HashSet<string>(Control.Controllers.SignalControllers.Names, StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns every problem found; an empty list means the site is usable.</summary>
    public static IReadOnlyList<SiteError> Validate(SiteDefinition site, IReadOnlySet<string>? knownControllers = null)
    {
        knownControllers ??= KnownControllers;
        var errors = new List<SiteError>();
        if (string.IsNullOrWhiteSpace(site.Name))
        {
            errors.Add(new("$.name", "is required"));
        }

        if (site.TimeZone is { } zone && !KnownTimeZone(zone))
        {
            errors.Add(new("$.timeZone", $"'{zone}' is not a time zone this box knows (an IANA name such as Europe/Rome or America/New_York)"));
        }

        if (site.Intersections.Count == 0 && site.Cameras.Count == 0 && site.Assessment is null)
        {
            errors.Add(new("$.intersections", "must list at least one intersection (or, for a count station, at least one camera; for a disaster site, an assessment)"));
        }

        if (site.Assessment is { } assessment)
        {
            SiteAssessmentValidator.Validate(assessment, errors);
        }

        if (site.Twin is { } twin)
        {
            SiteTwinValidator.Validate(twin, errors);
        }

        SiteCorridorValidator.Validate(site, errors);

        var approaches = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var i = 0; i < site.Intersections.Count; i++)
        {
            var at = $"$.intersections[{i}]";
            var x = site.Intersections[i];
            if (!RequireId(x.Id, at, errors))
            {
                continue;
            }

            if (!approaches.TryAdd(x.Id, new HashSet<string>(StringComparer.Ordinal)))
            {
                errors.Add(new($"{at}.id", $"duplicate intersection id '{x.Id}'"));
                continue;
            }

            if (!knownControllers.Contains(x.Controller))
            {
                errors.Add(new($"{at}.controller", $"unknown controller '{x.Controller}' (known: {string.Join(", ", knownControllers.Order())})"));
            }

            for (var a = 0; a < x.Approaches.Count; a++)
            {
                var ap = x.Approaches[a];
                var apAt = $"{at}.approaches[{a}]";
                if (RequireId(ap.Id, apAt, errors) && !approaches[x.Id].Add(ap.Id))
                {
                    errors.Add(new($"{apAt}.id", $"duplicate approach id '{ap.Id}' in intersection '{x.Id}'"));
                }

                if (ap.Lanes is < 1 or > 12)
                {
                    errors.Add(new($"{apAt}.lanes", $"must be between 1 and 12, was {ap.Lanes}"));
                }

                if (ap.SumoLanes.Count > 0 && ap.SumoLanes.Count != ap.Lanes)
                {
                    errors.Add(new($"{apAt}.sumoLanes", $"lists {ap.SumoLanes.Count} lanes but the approach has {ap.Lanes}"));
                }
            }

            if (site.Twin is not null && string.IsNullOrWhiteSpace(x.SumoTls))
            {
                errors.Add(new($"{at}.sumoTls", "is required when the site has a twin (the tlLogic id of this intersection)"));
            }

            if (x.Plan is { } plan)
            {
                SitePlanValidator.Validate(plan, $"{at}.plan", errors);
            }
        }

        ValidateCameras(site, approaches, errors);
        return errors;
    }

    private static void ValidateCameras(SiteDefinition site, Dictionary<string, HashSet<string>> approaches, List<SiteError> errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < site.Cameras.Count; c++)
        {
            var at = $"$.cameras[{c}]";
            var cam = site.Cameras[c];
            if (RequireId(cam.Id, at, errors) && !ids.Add(cam.Id))
            {
                errors.Add(new($"{at}.id", $"duplicate camera id '{cam.Id}'"));
            }

            if (string.IsNullOrWhiteSpace(cam.Source))
            {
                errors.Add(new($"{at}.source", "is required (a stream URL, a file or a device)"));
            }

            HashSet<string>? known = null;
            if (string.IsNullOrEmpty(cam.Intersection))
            {
                // A count station: the camera counts and reports, no signal takes its measurements.
                if (string.IsNullOrWhiteSpace(cam.Approach))
                {
                    errors.Add(new($"{at}.approach", "is required (without an intersection it names what the camera counts, e.g. the road)"));
                }
            }
            else if (!approaches.TryGetValue(cam.Intersection, out known))
            {
                errors.Add(new($"{at}.intersection", $"names unknown intersection '{cam.Intersection}'"));
            }
            else if (!known.Contains(cam.Approach))
            {
                errors.Add(new($"{at}.approach", $"names unknown approach '{cam.Approach}' of intersection '{cam.Intersection}'"));
            }

            if (cam.MaxFps < 0 || double.IsNaN(cam.MaxFps))
            {
                errors.Add(new($"{at}.maxFps", $"must be 0 (no limit) or positive, was {cam.MaxFps}"));
            }

            SiteCameraValidator.Validate(cam, at, known, errors);
        }
    }

    private static bool RequireId(string id, string at, List<SiteError> errors)
    {
        if (!string.IsNullOrWhiteSpace(id))
        {
            return true;
        }

        errors.Add(new($"{at}.id", "is required"));
        return false;
    }

    private static bool KnownTimeZone(string zone)
    {
        try
        {
            return zone.Length > 0 && TimeZoneInfo.FindSystemTimeZoneById(zone) is not null;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }
}
