namespace EdgeCity.Domain.Sites;

/// <summary>Checks a site's corridors: known intersections in travel order, each in one corridor only, a plausible speed and cycle bounds.</summary>
public static class SiteCorridorValidator
{
    public static void Validate(SiteDefinition site, List<SiteError> errors)
    {
        // Duplicate intersection ids are reported by the site validator; the first of them stands here.
        var intersections = site.Intersections.GroupBy(x => x.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var corridorOf = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < site.Corridors.Count; i++)
        {
            var c = site.Corridors[i];
            var at = $"$.corridors[{i}]";
            if (string.IsNullOrWhiteSpace(c.Id))
            {
                errors.Add(new($"{at}.id", "is required"));
            }
            else if (!ids.Add(c.Id))
            {
                errors.Add(new($"{at}.id", $"duplicate corridor id '{c.Id}'"));
            }

            if (c.SpeedKmh is <= 0 or > 130)
            {
                errors.Add(new($"{at}.speedKmh", $"must be above 0 and at most 130 km/h, was {c.SpeedKmh}"));
            }

            if (c.MinCycleSeconds < 20 || c.MaxCycleSeconds > 300 || c.MinCycleSeconds > c.MaxCycleSeconds)
            {
                errors.Add(new($"{at}.maxCycleSeconds", $"cycle bounds [{c.MinCycleSeconds}, {c.MaxCycleSeconds}] s must lie within [20, 300] s with min <= max"));
            }

            if (c.AdviceSeconds is < 2 or > 3600)
            {
                errors.Add(new($"{at}.adviceSeconds", $"must be between 2 and 3600 s, was {c.AdviceSeconds}"));
            }

            if (c.Members.Count < 2)
            {
                errors.Add(new($"{at}.members", "a corridor needs at least two intersections"));
            }

            for (var m = 0; m < c.Members.Count; m++)
            {
                var member = c.Members[m];
                var mAt = $"{at}.members[{m}]";
                if (!intersections.TryGetValue(member.Intersection, out var x))
                {
                    errors.Add(new($"{mAt}.intersection", $"names unknown intersection '{member.Intersection}' (known: {string.Join(", ", intersections.Keys)})"));
                }
                else if (!corridorOf.TryAdd(member.Intersection, c.Id))
                {
                    errors.Add(new($"{mAt}.intersection", $"'{member.Intersection}' is already in corridor '{corridorOf[member.Intersection]}': an intersection runs one common cycle"));
                }
                else if (member.Phase is { } phase && x.Plan is { Phases.Count: > 0 } plan && plan.Phases.All(p => p.Id != phase))
                {
                    errors.Add(new($"{mAt}.phase", $"'{phase}' is not a phase of {x.Id}'s plan ({string.Join(", ", plan.Phases.Select(p => p.Id))})"));
                }

                if (m == 0 ? member.Metres < 0 : member.Metres <= c.Members[m - 1].Metres)
                {
                    errors.Add(new($"{mAt}.metres", m == 0 ? "must not be negative" : $"must be further along than the intersection before ({c.Members[m - 1].Metres} m): members are listed in travel order"));
                }
            }
        }
    }
}
