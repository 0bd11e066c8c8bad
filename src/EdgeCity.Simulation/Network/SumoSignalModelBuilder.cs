using EdgeCity.Domain.Signals;

namespace EdgeCity.Simulation.Network;

/// <summary>
/// Turns a SUMO traffic light into EdgeCity's signal model. Movements are the links of one approach and one turn that
/// SUMO's program always switches together; conflicts come from the junction's foes/response table; phases are the
/// program's green steps, with greens protected ('G') or permissive ('g', 's': they yield to their foes).
/// </summary>
public static class SumoSignalModelBuilder
{
    /// <summary>Builds the model of every traffic light in the network, ordered by id.</summary>
    public static IReadOnlyList<SumoSignalModel> BuildAll(SumoNetwork network) =>
        network.TrafficLights.Keys.Order(StringComparer.Ordinal).Select(id => Build(network, id)).ToList();

    /// <param name="network">The network read by <see cref="SumoNetworkReader"/>.</param>
    /// <param name="trafficLightId">The tlLogic id (may differ from the junction id in joined or OSM networks).</param>
    /// <param name="programId">The program to take phases from; the first in the file when null.</param>
    public static SumoSignalModel Build(SumoNetwork network, string trafficLightId, string? programId = null)
    {
        if (!network.TrafficLights.TryGetValue(trafficLightId, out var tls))
        {
            throw new ArgumentException($"{network.Source}: no traffic light '{trafficLightId}' (has: {string.Join(", ", network.TrafficLights.Keys.Order().Take(20))})");
        }

        var program = programId is null
            ? tls.Programs.FirstOrDefault()
            : tls.Programs.FirstOrDefault(p => p.ProgramId == programId)
              ?? throw new ArgumentException($"{network.Source}: traffic light '{trafficLightId}' has no program '{programId}'");
        var warnings = new List<string>();
        var movements = GroupMovements(network, tls, program);
        var conflicts = BuildConflicts(network, tls, movements, warnings);
        var (phases, steps, intergreens) = BuildPhases(program, movements, conflicts, warnings);
        var model = new IntersectionSignalModel(tls.Id, movements.Select(m => m.Movement).ToList(), conflicts, phases, intergreens)
        {
            PairIntergreens = program is null ? new Dictionary<string, double>() : ProgrammeIntergreens.Of(program, movements.Select(m => (m.Movement.Id, m.Column)).ToList(), conflicts, intergreens),
        };
        return new SumoSignalModel(tls, model, new SignalProgram(program?.ProgramId ?? "none", steps, program?.Offset ?? 0), warnings);
    }

    private sealed record Group(Movement Movement, string Column);

    private static List<Group> GroupMovements(SumoNetwork network, SumoTrafficLight tls, SumoProgram? program)
    {
        // Links of the same approach and turn form one movement when every step of the program shows them alike.
        var keyed = new List<(string Approach, string Dir, string Column, int Index, MovementKind Kind)>();
        foreach (var (index, connections) in tls.Links)
        {
            var c = connections[0];
            var column = program is null ? string.Empty : new string(program.Phases.Select(p => index < p.State.Length ? p.State[index] : 'r').ToArray());
            var kind = KindOf(network, c);
            keyed.Add((c.FromEdge, c.Direction, column, index, kind));
        }

        var groups = new List<Group>();
        foreach (var byTurn in keyed.GroupBy(k => (k.Approach, k.Dir)).OrderBy(g => g.Min(k => k.Index)))
        {
            var split = byTurn.GroupBy(k => k.Column).OrderBy(g => g.Min(k => k.Index)).ToList();
            for (var s = 0; s < split.Count; s++)
            {
                var id = $"{byTurn.Key.Approach}.{DirName(byTurn.Key.Dir)}{(s == 0 ? string.Empty : $"{s + 1}")}";
                var links = split[s].Select(k => k.Index).Order().ToList();
                groups.Add(new Group(new Movement(id, byTurn.Key.Approach, Turn(byTurn.Key.Dir), links, split[s].First().Kind), split[s].Key));
            }
        }

        return groups;
    }

    private static ConflictMatrix BuildConflicts(SumoNetwork network, SumoTrafficLight tls, List<Group> movements, List<string> warnings)
    {
        var conflicts = new ConflictMatrix();
        var movementOfLink = movements.SelectMany(g => g.Movement.LinkIndices.Select(i => (i, g.Movement.Id))).ToDictionary(p => p.i, p => p.Id);
        var request = new Dictionary<int, (SumoJunction Junction, int Index)>();
        foreach (var junctionId in tls.Junctions)
        {
            if (!network.Junctions.TryGetValue(junctionId, out var junction))
            {
                continue;
            }

            var indices = JunctionRequestIndex.Of(network, junction, tls.Links.Values.SelectMany(l => l));
            foreach (var (link, connections) in tls.Links)
            {
                foreach (var c in connections)
                {
                    if (indices.TryGetValue(c, out var r))
                    {
                        request[link] = (junction, r);
                    }
                }
            }
        }

        foreach (var link in tls.Links.Keys.Where(l => !request.ContainsKey(l)))
        {
            warnings.Add($"link {link} of '{tls.Id}': no request in its junction's right-of-way table; its conflicts are unknown");
        }

        foreach (var (a, ra) in request)
        {
            foreach (var (b, rb) in request)
            {
                if (a == b || ra.Junction != rb.Junction || !ra.Junction.AreFoes(ra.Index, rb.Index))
                {
                    continue;
                }

                var ma = movementOfLink[a];
                var mb = movementOfLink[b];
                if (ma == mb)
                {
                    continue;
                }

                if (ra.Junction.MustYield(ra.Index, rb.Index))
                {
                    conflicts.AddYield(ma, mb);
                }
                else
                {
                    conflicts.AddFoes(ma, mb);
                }
            }
        }

        return conflicts;
    }

    private static (List<Phase>, List<SignalProgramStep>, Dictionary<string, Intergreen>) BuildPhases(SumoProgram? program, List<Group> movements, ConflictMatrix conflicts, List<string> warnings)
    {
        var phases = new List<Phase>();
        var steps = new List<SignalProgramStep>();
        var intergreens = new Dictionary<string, Intergreen>();
        if (program is null)
        {
            return (phases, steps, intergreens);
        }

        // Cities split one green into several steps of the same state (1+1+5+3+2+10+5 s in Bologna's acosta, for
        // detectors or hand tuning): one green phase of their total length. Taken one by one, each 1 s step became a
        // phase of its own and every one after the first was dropped as a repeat, so the phase lost most of its green.
        var runs = Runs(program.Phases);
        for (var r = 0; r < runs.Count; r++)
        {
            var (first, p, duration, min, max) = runs[r];
            var isGreen = p.State.Any(c => c is 'G' or 'g' or 's') && !p.State.Any(c => c is 'y' or 'Y' or 'u');
            string? phaseId = null;
            if (isGreen)
            {
                phaseId = p.Name is { Length: > 0 } name && phases.All(x => x.Id != name) ? name : $"p{first}";
                var protectedGreens = movements.Where(g => g.Column.Length > first && g.Column[first] == 'G').Select(g => g.Movement.Id).ToHashSet();
                // 'o'/'O' (signal off: the link yields as at an unsignalised junction) is a permissive green: RiLSA's
                // example 4 keeps a turn on 'o' all cycle; read as red it was never served (EdgeCity fixed 60 s, SUMO 30 s).
                var permissive = movements.Where(g => g.Column.Length > first && g.Column[first] is 'g' or 's' or 'o' or 'O').Select(g => g.Movement.Id).ToHashSet();
                YieldWhereTheJunctionSays(protectedGreens, permissive, conflicts, $"{program.TrafficLightId} step {first}", warnings);

                // A programme that ends in the green it starts with serves that green once, across the cycle's wrap.
                var wraps = r == 0 && runs.Count > 1 && runs[^1].Step.State == p.State;
                var (d, lo, hi) = wraps ? (duration + runs[^1].Duration, min + runs[^1].Min, max + runs[^1].Max) : (duration, min, max);
                if (!(r == runs.Count - 1 && runs.Count > 1 && runs[0].Step.State == p.State))
                {
                    phases.Add(new Phase(phaseId, protectedGreens, permissive, lo, hi, d));
                }
                else
                {
                    phaseId = phases[0].Id;
                }
            }

            steps.Add(new SignalProgramStep(p.State, duration, min, max, phaseId));
        }

        foreach (var g in movements)
        {
            var ig = ClearanceOf(program, g.Column);
            if (ig is not null)
            {
                intergreens[g.Movement.Id] = ig;
            }
        }

        return (phases, steps, intergreens);
    }

    /// <summary>
    /// A city's programme may show 'G' on a turn that the junction's right of way makes yield to another 'G' (Bologna's
    /// joined, light 210: a left turn beside the opposing through). SUMO lets it; EdgeCity models and shows that turn as
    /// permissive ('g', it yields), which is what the junction asks of it, and says so.
    /// </summary>
    private static void YieldWhereTheJunctionSays(HashSet<string> protectedGreens, HashSet<string> permissive, ConflictMatrix conflicts, string where, List<string> warnings)
    {
        foreach (var a in protectedGreens.Order(StringComparer.Ordinal).ToList())
        {
            if (protectedGreens.Any(b => b != a && conflicts.AreFoes(a, b) && conflicts.MustYield(a, b) && !conflicts.MustYield(b, a)))
            {
                protectedGreens.Remove(a);
                permissive.Add(a);
                warnings.Add($"{where}: '{a}' is green with priority beside a foe it must yield to; modelled as permissive");
            }
        }
    }

    /// <summary>Consecutive steps with the same state, merged: index of the first, the step, summed duration, min and max.</summary>
    private static List<(int First, SumoPhase Step, double Duration, double Min, double Max)> Runs(IReadOnlyList<SumoPhase> steps)
    {
        var runs = new List<(int, SumoPhase, double, double, double)>();
        for (var i = 0; i < steps.Count; i++)
        {
            var p = steps[i];
            var (min, max) = (p.MinDuration ?? p.Duration, p.MaxDuration ?? p.Duration);
            if (runs.Count > 0 && runs[^1].Item2.State == p.State)
            {
                var (first, step, d, lo, hi) = runs[^1];
                runs[^1] = (first, step, d + p.Duration, lo + min, hi + max);
            }
            else
            {
                runs.Add((i, p, p.Duration, min, max));
            }
        }

        return runs;
    }

    /// <summary>The longest yellow (then red until any next green) that ends this movement's green in the program.</summary>
    private static Intergreen? ClearanceOf(SumoProgram program, string column)
    {
        Intergreen? longest = null;
        var n = program.Phases.Count;
        for (var i = 0; i < n; i++)
        {
            if (column.Length <= i || column[i] is not ('y' or 'Y') || column[(i - 1 + n) % n] is 'y' or 'Y')
            {
                continue;
            }

            double yellow = 0;
            var j = i;
            while (yellow < 3600 && column[j % n] is 'y' or 'Y')
            {
                yellow += program.Phases[j % n].Duration;
                j++;
            }

            double allRed = 0;
            while (allRed < 3600 && j < i + n && !program.Phases[j % n].State.Any(c => c is 'G' or 'g' or 's'))
            {
                allRed += program.Phases[j % n].Duration;
                j++;
            }

            if (longest is null || yellow + allRed > longest.TotalSeconds)
            {
                longest = new Intergreen(yellow, allRed);
            }
        }

        return longest;
    }

    private static MovementKind KindOf(SumoNetwork network, SumoConnection c)
    {
        if (network.Edges.TryGetValue(c.FromEdge, out var edge))
        {
            if (edge.Function is "crossing" or "walkingarea")
            {
                return MovementKind.Pedestrian;
            }

            if (network.Lanes.TryGetValue(c.FromLaneId, out var lane) && lane.IsBicycleOnly)
            {
                return MovementKind.Bicycle;
            }
        }

        return MovementKind.Vehicle;
    }

    private static TurnDirection Turn(string dir) => dir switch
    {
        "s" => TurnDirection.Straight,
        "l" => TurnDirection.Left,
        "r" => TurnDirection.Right,
        "L" => TurnDirection.PartialLeft,
        "R" => TurnDirection.PartialRight,
        "t" or "T" => TurnDirection.UTurn,
        _ => TurnDirection.Unknown,
    };

    private static string DirName(string dir) => dir switch
    {
        "s" => "straight",
        "l" => "left",
        "r" => "right",
        "L" => "partleft",
        "R" => "partright",
        "t" or "T" => "uturn",
        _ => "through",
    };
}
