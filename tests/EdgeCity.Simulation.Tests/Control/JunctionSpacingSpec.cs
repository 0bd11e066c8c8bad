using EdgeCity.Simulation.Control;
using EdgeCity.Simulation.Network;

namespace EdgeCity.Simulation.Tests.Control;

public sealed class JunctionSpacingSpec
{
    [Fact]
    public void Grid6s_66_m_links_make_every_junction_closely_spaced()
    {
        var network = SumoNetworkReader.Read(Path.Combine(ShippedScenario.GameRoot, "grid6", "grid6.net.xml"));

        var close = JunctionSpacing.CloselySpaced(SumoSignalModelBuilder.BuildAll(network), network);

        Assert.Equal(["0/0", "0/1", "1/0", "1/1", "2/0", "2/1"], close.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("square", 12)]
    [InlineData("corridor", 3)]
    [InlineData("cross", 1)]
    public void Junctions_with_a_link_that_holds_more_than_a_short_green_keep_planning(string game, int signals)
    {
        var network = SumoNetworkReader.Read(Path.Combine(ShippedScenario.GameRoot, game, $"{game}.net.xml"));
        var models = SumoSignalModelBuilder.BuildAll(network);

        var close = JunctionSpacing.CloselySpaced(models, network);

        Assert.Equal(signals, models.Count);
        Assert.Empty(close);
    }
}
