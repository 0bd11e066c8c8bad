using EdgeCity.Simulation.Tuning;

namespace EdgeCity.Simulation.Tests.Tuning;

public sealed class ControllerTuningSpec : IDisposable
{
    private readonly string _results = Path.Combine(Path.GetTempPath(), $"edgecity-tuning-{Guid.NewGuid():N}.jsonl");
    private readonly List<string> _log = [];
    private readonly List<string> _measured = [];

    public void Dispose() => File.Delete(_results);

    /// <summary>
    /// A network whose delay is 100 s on the default, with what each light's choice adds or takes away (and the trips
    /// it loses), the same on every seed but the seed's own offset.
    /// </summary>
    private Task<TuningTrial> Network(IReadOnlyDictionary<string, string> choices, int seed, CancellationToken ct)
    {
        _measured.Add($"{ControllerChoices.Key(choices)}#{seed}");
        var delay = 100.0 + seed;
        var trips = 1000;
        foreach (var (light, controller) in choices)
        {
            (delay, trips) = (light, controller) switch
            {
                ("a", "ordered") => (delay - 20, trips),
                ("a", "actuated") => (delay - 10, trips),
                ("b", "ordered") => (delay - 1, trips),   // 1 %: within the noise a choice must beat
                ("b", "actuated") => (delay - 30, trips - 50), // faster, but 5 % of the trips never finish
                ("c", "ordered") => (delay + 5, trips),
                _ => (delay, trips),
            };
        }

        return Task.FromResult(new TuningTrial(string.Empty, seed, delay, trips, 1100));
    }

    private ControllerTuning Tuning() => new(Network, _results, _log.Add);

    [Fact]
    public async Task Keeps_per_light_the_candidate_that_lowers_the_networks_delay_enough_without_losing_trips()
    {
        var outcome = await Tuning().RunAsync(["a", "b", "c"], ["ordered", "actuated"], seeds: 2, CancellationToken.None);

        Assert.Equal(new Dictionary<string, string> { ["a"] = "ordered" }, outcome.Chosen);
        Assert.Equal(101.5, outcome.DefaultMeanDelaySeconds, 6);
        Assert.Equal(81.5, outcome.MeanDelaySeconds, 6);
        Assert.Equal(1000, outcome.TripsCompleted, 6);
        Assert.Contains("keep a=ordered", _log);
        Assert.Contains("b=actuated: 51.5 s mean delay, 950 trips completed (not kept)", _log);
        // b and c are tried with a already on its choice.
        Assert.Contains("a=ordered b=actuated#1", _measured);
        Assert.Contains("a=ordered c=ordered#2", _measured);
    }

    [Fact]
    public async Task A_tuning_cut_short_resumes_without_measuring_a_finished_seed_again()
    {
        await Tuning().RunAsync(["a"], ["ordered"], seeds: 2, CancellationToken.None);
        var first = _measured.Count;
        File.AppendAllText(_results, "{\"choices\":\"a=ord"); // a line cut by a kill mid-write

        var outcome = await Tuning().RunAsync(["a", "b"], ["ordered"], seeds: 2, CancellationToken.None);

        Assert.Equal(4, first); // the default and a=ordered, two seeds each
        Assert.Equal(["a=ordered b=ordered#1", "a=ordered b=ordered#2"], _measured.Skip(first));
        Assert.Equal("ordered", outcome.Chosen["a"]);
        Assert.Contains(_log, l => l.Contains("unreadable result, run again", StringComparison.Ordinal));

        // The results written after the cut line start on lines of their own: a third call measures nothing.
        var measuredBefore = _measured.Count;
        await Tuning().RunAsync(["a", "b"], ["ordered"], seeds: 2, CancellationToken.None);
        Assert.Equal(measuredBefore, _measured.Count);
    }
}
