using EdgeCity.Domain.Counting;
using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Tracking;
using static EdgeCity.Domain.Tests.Counting.SyntheticTrack;

namespace EdgeCity.Domain.Tests.Counting;

public sealed class LineCounterRandomSpec
{
    [Theory]
    [InlineData(2026)]
    [InlineData(7)]
    [InlineData(99)]
    public void Hundreds_of_noisy_vehicles_at_random_places_and_speeds_count_exactly_those_through_the_segment(int seed)
    {
        // A slanted segment; vehicles cross the whole picture at random x, speeds, directions and with up to ±2.5 px of
        // box jitter (below the 3 px band), several at once. Expected: one count per vehicle whose path passes through
        // the segment, in its direction, none for the others.
        var line = new CountLine("slant", "east", new Point2(150, 380), new Point2(500, 420));
        var counter = new LineCounter([line]);
        var rng = new Random(seed);
        var expectedForward = 0;
        var expectedBackward = 0;
        var events = new List<CountEvent>();
        var frame = 0;
        long id = 0;
        for (var batch = 0; batch < 100; batch++)
        {
            var vehicles = Enumerable.Range(0, 4).Select(_ =>
            {
                // Not within the jitter of the segment's ends, where in or out is a matter of noise.
                var x = rng.Next(0, 640);
                while (Math.Abs(x - 150) < 6 || Math.Abs(x - 500) < 6)
                {
                    x = rng.Next(0, 640);
                }

                var down = rng.Next(2) == 0;
                var step = 8 + (rng.NextDouble() * 16);
                return (Id: ++id, X: (double)x, Down: down, Step: step);
            }).ToList();

            foreach (var v in vehicles)
            {
                var yAtLine = 380 + ((v.X - 150) * 40 / 350);
                if (v.X is > 150 and < 500)
                {
                    if (v.Down)
                    {
                        expectedForward++;
                    }
                    else
                    {
                        expectedBackward++;
                    }
                }

                Assert.True(yAtLine is > 300 and < 500);
            }

            for (var k = 0; k <= 70; k++)
            {
                var snapshots = vehicles.Select(v =>
                {
                    var y = v.Down ? 150 + (k * v.Step) : 650 - (k * v.Step);
                    var jitterX = (rng.NextDouble() - 0.5) * 5;
                    var jitterY = (rng.NextDouble() - 0.5) * 5;
                    return At(v.Id, v.X + jitterX, y + jitterY);
                }).ToArray();
                events.AddRange(counter.Process(Frame(frame++, snapshots)));
            }

            events.AddRange(counter.Process(Frame(frame++, [], [], vehicles.Select(v => v.Id).ToArray())));
        }

        Assert.Equal(expectedForward, events.Count(e => e.Direction == CrossingDirection.Forward));
        Assert.Equal(expectedBackward, events.Count(e => e.Direction == CrossingDirection.Backward));
        Assert.Equal(events.Count, events.Select(e => e.TrackId).Distinct().Count());
        Assert.Equal(0, counter.RememberedTracks);
    }
}
