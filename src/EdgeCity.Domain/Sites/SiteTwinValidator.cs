namespace EdgeCity.Domain.Sites;

/// <summary>Checks a site's twin section: a network is named and the step and time span make sense.</summary>
internal static class SiteTwinValidator
{
    public static void Validate(TwinDefinition twin, List<SiteError> errors)
    {
        if (string.IsNullOrWhiteSpace(twin.Net))
        {
            errors.Add(new("$.twin.net", "is required (the SUMO .net.xml of the twin)"));
        }

        if (!(twin.StepLength is > 0 and <= 1))
        {
            errors.Add(new("$.twin.stepLength", $"must be in (0, 1] seconds, was {twin.StepLength}"));
        }

        if (twin.Begin < 0 || !double.IsFinite(twin.Begin))
        {
            errors.Add(new("$.twin.begin", $"must be 0 or positive, was {twin.Begin}"));
        }

        if (twin.End != 0 && !(twin.End > twin.Begin))
        {
            errors.Add(new("$.twin.end", $"must be after begin ({twin.Begin}) or 0 for open-ended, was {twin.End}"));
        }

        for (var i = 0; i < twin.Routes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(twin.Routes[i]))
            {
                errors.Add(new($"$.twin.routes[{i}]", "is empty"));
            }
        }
    }
}
