namespace EdgeCity.Domain.Sites;

/// <summary>Checks a timing plan: positive cycle, offset inside it, and every phase's green within its bounds.</summary>
internal static class SitePlanValidator
{
    public static void Validate(PlanDefinition plan, string at, List<SiteError> errors)
    {
        if (!(plan.CycleSeconds is > 0 and <= 600))
        {
            errors.Add(new($"{at}.cycleSeconds", $"must be in (0, 600], was {plan.CycleSeconds}"));
        }

        if (plan.OffsetSeconds < 0 || (plan.CycleSeconds > 0 && plan.OffsetSeconds >= plan.CycleSeconds))
        {
            errors.Add(new($"{at}.offsetSeconds", $"must be in [0, cycleSeconds), was {plan.OffsetSeconds}"));
        }

        if (plan.Phases.Count == 0)
        {
            errors.Add(new($"{at}.phases", "must list at least one phase"));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Phases.Count; i++)
        {
            var p = plan.Phases[i];
            var pAt = $"{at}.phases[{i}]";
            if (string.IsNullOrWhiteSpace(p.Id))
            {
                errors.Add(new($"{pAt}.id", "is required"));
            }
            else if (!ids.Add(p.Id))
            {
                errors.Add(new($"{pAt}.id", $"duplicate phase id '{p.Id}'"));
            }

            if (p.MinGreenSeconds < 0)
            {
                errors.Add(new($"{pAt}.minGreenSeconds", $"must be 0 or more, was {p.MinGreenSeconds}"));
            }
            else if (p.MaxGreenSeconds < p.MinGreenSeconds)
            {
                errors.Add(new($"{pAt}.minGreenSeconds", $"{p.MinGreenSeconds} is above maxGreenSeconds {p.MaxGreenSeconds}"));
            }
            else if (p.GreenSeconds < p.MinGreenSeconds || p.GreenSeconds > p.MaxGreenSeconds)
            {
                errors.Add(new($"{pAt}.greenSeconds", $"{p.GreenSeconds} is outside [{p.MinGreenSeconds}, {p.MaxGreenSeconds}]"));
            }
        }

        if (plan.CycleSeconds > 0 && plan.Phases.Sum(p => p.GreenSeconds) >= plan.CycleSeconds)
        {
            errors.Add(new($"{at}.phases", $"greens add up to {plan.Phases.Sum(p => p.GreenSeconds)} s, leaving no intergreen in a {plan.CycleSeconds} s cycle"));
        }
    }
}
