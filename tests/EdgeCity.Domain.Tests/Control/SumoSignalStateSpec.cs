using EdgeCity.Domain.Control;

namespace EdgeCity.Domain.Tests.Control;

public sealed class SumoSignalStateSpec
{
    [Fact]
    public void Encodes_each_movement_on_its_links_and_a_pedestrian_clearance_as_red()
    {
        var model = TestModels.Cross();
        var shows = new Dictionary<string, SignalIndication>
        {
            ["ns"] = SignalIndication.Green, ["nsl"] = SignalIndication.PermissiveGreen, ["ew"] = SignalIndication.Yellow,
            ["ewl"] = SignalIndication.Red, ["pw"] = SignalIndication.Yellow,
        };

        Assert.Equal("GGgyyrrr", SumoSignalState.Encode(model, shows, 8));
    }

    [Fact]
    public void A_movement_driving_a_link_the_signal_lacks_is_an_error_naming_it()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SumoSignalState.Encode(TestModels.Cross(), new Dictionary<string, SignalIndication>(), 5));

        Assert.Contains("movement ewl drives link 5", e.Message);
    }
}
