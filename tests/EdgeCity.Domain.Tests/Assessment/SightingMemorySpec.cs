using EdgeCity.Domain.Assessment;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Tests.Assessment;

public sealed class SightingMemorySpec
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_parked_car_seen_every_frame_is_one_sighting_however_long_it_stays()
    {
        var memory = new SightingMemory(TimeSpan.FromMinutes(10));
        var car = new BoxF(100, 100, 160, 140);

        Assert.True(memory.IsNew("mast-1", FindingKind.Vehicle, car, T0));
        for (var s = 2; s < 3600; s += 2)
        {
            Assert.False(memory.IsNew("mast-1", FindingKind.Vehicle, new BoxF(100 + (s % 3), 100, 160 + (s % 3), 140), T0.AddSeconds(s)));
        }
    }

    [Fact]
    public void Another_camera_another_kind_another_place_or_a_long_absence_is_new()
    {
        var memory = new SightingMemory(TimeSpan.FromMinutes(10));
        var box = new BoxF(100, 100, 160, 140);
        memory.IsNew("mast-1", FindingKind.Vehicle, box, T0);

        Assert.True(memory.IsNew("mast-2", FindingKind.Vehicle, box, T0));
        Assert.True(memory.IsNew("mast-1", FindingKind.Person, box, T0));
        Assert.True(memory.IsNew("mast-1", FindingKind.Vehicle, new BoxF(300, 100, 360, 140), T0));
        Assert.True(memory.IsNew("mast-1", FindingKind.Vehicle, box, T0.AddMinutes(11)));
    }
}
