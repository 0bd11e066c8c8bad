using EdgeCity.Domain.Evaluation;

namespace EdgeCity.Domain.Tests.Evaluation;

public sealed class TruthReaderSpec
{
    private const string Example = """
        {"frame":12,"time":1.2,"vehicles":[{"id":"veh3","box":[412.5,300.0,470.1,342.8],"class":"car","lane":"n_in_0","approach":"north","speed":8.3}],"crossings":[{"line":"north-stop","vehicle":"veh3","direction":"forward","class":"car"}],"queues":[{"approach":"north","lane":"n_in_0","meters":12.5}]}
        {"frame":13,"time":1.3,"vehicles":[]}
        """;

    [Fact]
    public void Reads_the_documented_record()
    {
        var frames = TruthReader.Read(new StringReader(Example), "truth.jsonl");

        Assert.Equal(2, frames.Count);
        var v = Assert.Single(frames[0].Vehicles);
        Assert.Equal(("veh3", "car", "n_in_0", "north", 8.3), (v.Id, v.Class, v.Lane, v.Approach, v.Speed!.Value));
        Assert.Equal(57.6f, TruthReader.BoxOf(v).Width, 3);
        Assert.Equal("north-stop", Assert.Single(frames[0].Crossings).Line);
        Assert.Equal(12.5, Assert.Single(frames[0].Queues).Meters);
        Assert.Empty(frames[1].Crossings);
    }

    [Theory]
    [InlineData("""{"frame":1,"time":0.1,"vehicle":[]}""", "truth.jsonl:2: $.vehicle")]
    [InlineData("""{"frame":1,"time":0.1,"vehicles":[{"id":"a","box":[10,10,5,20],"class":"car","lane":"l"}]}""", "truth.jsonl:2: $.vehicles[0].box")]
    [InlineData("""{"frame":1,"time":0.1,"crossings":[{"line":"x","vehicle":"a","direction":"up"}]}""", "truth.jsonl:2: $.crossings[0].direction")]
    [InlineData("""{"frame":1,"time":0.01}""", "truth.jsonl:2: $.time 0.01 goes back in time")]
    [InlineData("""{"frame":1,"time":0.1,"vehicles":[{"id":"a","box":[1,2,3],"class":"car","lane":"l"}]}""", "truth.jsonl:2: $.vehicles[0].box")]
    public void A_bad_line_is_an_error_naming_file_line_and_field(string badLine, string expected)
    {
        var text = """{"frame":0,"time":0.05}""" + "\n" + badLine + "\n";

        var e = Assert.Throws<TruthFormatException>(() => TruthReader.Read(new StringReader(text), "truth.jsonl"));

        Assert.StartsWith(expected, e.Message);
    }
}
