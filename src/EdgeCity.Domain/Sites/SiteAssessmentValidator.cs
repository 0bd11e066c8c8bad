namespace EdgeCity.Domain.Sites;

/// <summary>Checks a site's assessment section: a sane area, a positive sampling interval, peers and command post with absolute http(s) URLs.</summary>
public static class SiteAssessmentValidator
{
    public static void Validate(AssessmentDefinition a, List<SiteError> errors)
    {
        const string at = "$.assessment";
        if (a.Area is { } area)
        {
            if (area.South is < -90 or > 90 || area.North is < -90 or > 90 || area.South >= area.North)
            {
                errors.Add(new($"{at}.area", $"south {area.South} and north {area.North} must be latitudes with south < north"));
            }

            if (area.West is < -180 or > 180 || area.East is < -180 or > 180 || area.West >= area.East)
            {
                errors.Add(new($"{at}.area", $"west {area.West} and east {area.East} must be longitudes with west < east"));
            }
        }

        if (string.IsNullOrWhiteSpace(a.Inbox))
        {
            errors.Add(new($"{at}.inbox", "is required (the folder imagery is dropped into)"));
        }

        if (!(a.EverySeconds > 0))
        {
            errors.Add(new($"{at}.everySeconds", $"must be positive, was {a.EverySeconds}"));
        }

        if (a.MinConfidence is < 0 or >= 1 || double.IsNaN(a.MinConfidence))
        {
            errors.Add(new($"{at}.minConfidence", $"must be within 0..1, was {a.MinConfidence}"));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < a.Peers.Count; i++)
        {
            var p = a.Peers[i];
            if (string.IsNullOrWhiteSpace(p.Name))
            {
                errors.Add(new($"{at}.peers[{i}].name", "is required (the peer's node name)"));
            }
            else if (!names.Add(p.Name))
            {
                errors.Add(new($"{at}.peers[{i}].name", $"duplicate peer '{p.Name}'"));
            }

            CheckUrl(p.Url, $"{at}.peers[{i}].url", errors);
        }

        var cameras = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < a.Cameras.Count; i++)
        {
            var c = a.Cameras[i];
            var cat = $"{at}.cameras[{i}]";
            if (string.IsNullOrWhiteSpace(c.Id) || !cameras.Add(c.Id))
            {
                errors.Add(new($"{cat}.id", string.IsNullOrWhiteSpace(c.Id) ? "is required" : $"duplicate camera id '{c.Id}'"));
            }

            if (string.IsNullOrWhiteSpace(c.Source))
            {
                errors.Add(new($"{cat}.source", "is required (a stream URL, a device or a file)"));
            }

            if (c.Latitude is < -90 or > 90 || c.Longitude is < -180 or > 180 || (c.Latitude == 0 && c.Longitude == 0))
            {
                errors.Add(new($"{cat}.latitude", $"the camera's position {c.Latitude}, {c.Longitude} is not a place on the earth (both are required)"));
            }

            if (c.FovDegrees is { } fov && fov is <= 0 or >= 180)
            {
                errors.Add(new($"{cat}.fovDegrees", $"must be within 0..180, was {fov}"));
            }
        }

        if (!(a.RememberSeconds >= 0))
        {
            errors.Add(new($"{at}.rememberSeconds", $"must be 0 or more, was {a.RememberSeconds}"));
        }

        if (a.CommandPost is { } post)
        {
            CheckUrl(post.Url, $"{at}.commandPost.url", errors);
        }
    }

    private static void CheckUrl(string url, string field, List<SiteError> errors)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add(new(field, $"must be an absolute http(s) URL, was '{url}'"));
        }
    }
}
