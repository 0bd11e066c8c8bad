using EdgeCity.Domain.Control;

namespace EdgeCity.Domain.Tests.Control;

public sealed class GreenWaveSpec
{
    [Fact]
    public void Offsets_are_travel_times_at_the_progression_speed_modulo_the_cycle()
    {
        var offsets = GreenWave.Offsets([0, 250, 600, 1300], 12.5, 60);

        Assert.Equal([0.0, 20.0, 48.0, 44.0], offsets.Select(o => Math.Round(o, 6)));
    }

    [Fact]
    public void The_common_cycle_is_the_longest_member_cycle_within_bounds()
    {
        Assert.Equal(90.0, GreenWave.CommonCycle([60, 90, 75]));
        Assert.Equal(150.0, GreenWave.CommonCycle([60, 220]));
        Assert.Equal(40.0, GreenWave.CommonCycle([]));
    }
}
