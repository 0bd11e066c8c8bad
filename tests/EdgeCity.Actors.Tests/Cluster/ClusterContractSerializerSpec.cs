using System.Runtime.Serialization;
using System.Text;
using Akka.Actor;
using EdgeCity.Actors.Cluster.Contracts;

namespace EdgeCity.Actors.Tests.Cluster;

public sealed class ClusterContractSerializerSpec : IAsyncLifetime
{
    private static readonly IntersectionState State = new(
        "J1",
        new DateTimeOffset(2026, 11, 24, 21, 30, 15, 123, TimeSpan.FromHours(1)).AddTicks(4567),
        "P2",
        new Dictionary<string, string> { ["N_T"] = "G", ["N_L"] = "g", ["E_T"] = "r", ["S_R"] = "y" },
        "actuated",
        false,
        new Dictionary<string, double> { ["north"] = 42.5, ["east"] = 0, ["south"] = 0.1 + 0.2 });

    private static readonly CorridorAdvice Advice = new(
        "main-street",
        90,
        new Dictionary<string, double> { ["J1"] = 0, ["J2"] = 17.25, ["J3"] = 38.5 },
        new DateTimeOffset(2026, 11, 24, 21, 30, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 11, 24, 21, 35, 0, TimeSpan.Zero));

    private ClusterTestNode _node = null!;

    private Akka.Serialization.Serialization Serialization => _node.System.Serialization;

    public async Task InitializeAsync() => _node = await ClusterTestNode.StartAsync([]);

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public void An_intersection_state_round_trips_through_the_serializer_bound_by_the_node_wiring()
    {
        var serializer = Assert.IsType<ClusterContractSerializer>(Serialization.FindSerializerFor(State));

        var bytes = serializer.ToBinary(State);
        var back = Assert.IsType<IntersectionState>(serializer.FromBinary(bytes, serializer.Manifest(State)));

        Assert.Equal(ClusterContractSerializer.IntersectionStateManifest, serializer.Manifest(State));
        Assert.Equal("edgecity.intersection-state.v1", serializer.Manifest(State));
        AssertSame(State, back);
    }

    [Fact]
    public void Corridor_advice_round_trips_through_akka_serialization()
    {
        var serializer = Assert.IsType<ClusterContractSerializer>(Serialization.FindSerializerFor(Advice));

        var bytes = Serialization.Serialize(Advice);
        var back = Assert.IsType<CorridorAdvice>(Serialization.Deserialize(bytes, ClusterContractSerializer.Id, "edgecity.corridor-advice.v1"));

        Assert.Equal(ClusterContractSerializer.CorridorAdviceManifest, serializer.Manifest(Advice));
        Assert.Equal(Advice.CorridorId, back.CorridorId);
        Assert.Equal(90, back.CycleSeconds);
        Assert.Equal(Advice.OffsetSeconds, back.OffsetSeconds);
        Assert.Equal(Advice.IssuedAt, back.IssuedAt);
        Assert.Equal(Advice.ValidUntil, back.ValidUntil);
    }

    [Fact]
    public void A_v1_payload_written_today_still_reads_the_same()
    {
        // The wire format is a contract between boxes running different builds: this exact text must keep decoding.
        const string Json = """
            {"intersectionId":"J7","timestamp":"2026-11-24T21:30:15.5+00:00","phaseId":"P1",
             "indications":{"N_T":"G","W_T":"r"},"controller":"fixed","fallback":true,"queueMetres":{"north":12.5}}
            """;
        var serializer = Serialization.FindSerializerForType(typeof(IntersectionState));

        var state = Assert.IsType<IntersectionState>(((Akka.Serialization.SerializerWithStringManifest)serializer)
            .FromBinary(Encoding.UTF8.GetBytes(Json), "edgecity.intersection-state.v1"));

        Assert.Equal("J7", state.IntersectionId);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 21, 30, 15, 500, TimeSpan.Zero), state.Timestamp);
        Assert.Equal("P1", state.PhaseId);
        Assert.Equal("G", state.Indications["N_T"]);
        Assert.Equal("r", state.Indications["W_T"]);
        Assert.Equal("fixed", state.Controller);
        Assert.True(state.Fallback);
        Assert.Equal(12.5, state.QueueMetres["north"]);
    }

    [Fact]
    public void An_unknown_manifest_raises_a_serialization_exception_naming_it()
    {
        var serializer = (Akka.Serialization.SerializerWithStringManifest)Serialization.FindSerializerFor(State);

        var ex = Assert.Throws<SerializationException>(() => serializer.FromBinary(serializer.ToBinary(State), "edgecity.intersection-state.v9"));

        Assert.Contains("unknown manifest 'edgecity.intersection-state.v9'", ex.Message);
    }

    [Fact]
    public void A_payload_that_is_not_json_or_lacks_fields_raises_a_serialization_exception()
    {
        var serializer = (Akka.Serialization.SerializerWithStringManifest)Serialization.FindSerializerFor(Advice);

        Assert.Throws<SerializationException>(() => serializer.FromBinary([0xFF, 0x00, 0x13], ClusterContractSerializer.CorridorAdviceManifest));
        var missing = Assert.Throws<SerializationException>(() =>
            serializer.FromBinary(Encoding.UTF8.GetBytes("""{"cycleSeconds":90}"""), ClusterContractSerializer.CorridorAdviceManifest));
        Assert.Contains("corridorId", missing.Message);
    }

    [Fact]
    public void Every_cluster_contract_has_a_manifest_and_only_contracts_are_accepted()
    {
        var serializer = (Akka.Serialization.SerializerWithStringManifest)Serialization.FindSerializerFor(State);
        var contracts = typeof(IClusterContract).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IClusterContract).IsAssignableFrom(t))
            .ToList();

        Assert.Equal([typeof(CorridorAdvice), typeof(IntersectionState)], contracts.OrderBy(t => t.Name));
        Assert.All(contracts, t => Assert.IsType<ClusterContractSerializer>(Serialization.FindSerializerForType(t)));
        Assert.Throws<SerializationException>(() => serializer.ToBinary("a string is not a contract"));
    }

    private static void AssertSame(IntersectionState expected, IntersectionState actual)
    {
        Assert.Equal(expected.IntersectionId, actual.IntersectionId);
        Assert.Equal(expected.Timestamp, actual.Timestamp);
        Assert.Equal(expected.Timestamp.Offset, actual.Timestamp.Offset);
        Assert.Equal(expected.PhaseId, actual.PhaseId);
        Assert.Equal(expected.Indications, actual.Indications);
        Assert.Equal(expected.Controller, actual.Controller);
        Assert.Equal(expected.Fallback, actual.Fallback);
        Assert.Equal(expected.QueueMetres, actual.QueueMetres);
        Assert.Equal(0.30000000000000004, actual.QueueMetres["south"]);
    }
}
