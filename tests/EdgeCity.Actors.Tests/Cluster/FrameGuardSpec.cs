using System.Reflection;
using System.Runtime.Serialization;
using EdgeCity.Actors.Cluster.Contracts;
using OpenCvSharp;

namespace EdgeCity.Actors.Tests.Cluster;

public sealed class FrameGuardSpec : IAsyncLifetime
{
    private ClusterTestNode _node = null!;

    public async Task InitializeAsync() => _node = await ClusterTestNode.StartAsync([]);

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Theory]
    [InlineData(typeof(Mat))]
    [InlineData(typeof(Mat<byte>))]
    [InlineData(typeof(UMat))]
    [InlineData(typeof(VideoCapture))]
    public void OpenCv_frames_and_native_objects_map_to_the_refusing_serializer(Type type) =>
        Assert.IsType<FrameSerializationGuard>(_node.System.Serialization.FindSerializerForType(type));

    [Fact]
    public void Serializing_a_real_frame_for_another_node_fails_with_a_clear_message()
    {
        using var frame = new Mat(720, 1280, MatType.CV_8UC3, Scalar.Gray);

        var ex = Assert.Throws<SerializationException>(() => _node.System.Serialization.Serialize(frame));

        Assert.Contains("frames never cross nodes", ex.Message);
    }

    [Fact]
    public void No_edgecity_message_type_that_holds_a_frame_can_be_serialized()
    {
        // A future message that carries a Mat (a "Frame" record, say) must not slip through Akka's JSON fallback.
        var assemblies = Directory.EnumerateFiles(AppContext.BaseDirectory, "EdgeCity.*.dll")
            .Where(f => !Path.GetFileName(f).Contains(".Tests", StringComparison.Ordinal))
            .Select(f => Assembly.Load(AssemblyName.GetAssemblyName(f)))
            .ToList();
        Assert.Contains(assemblies, a => a.GetName().Name == "EdgeCity.Vision");
        var holders = assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => IsMessageShaped(t) && HoldsFrame(t))
            .ToList();

        foreach (var type in holders)
        {
            var serializer = _node.System.Serialization.FindSerializerForType(type);
            Assert.True(serializer is FrameSerializationGuard, $"{type.FullName} holds a frame but would be serialized by {serializer.GetType().Name}; bind it to {FrameSerializationGuard.Name}.");
        }
    }

    [Fact]
    public void The_scan_recognises_a_message_record_that_carries_a_frame()
    {
        // This record is what the scan above exists to catch: Akka would fall back to JSON for it.
        Assert.True(IsMessageShaped(typeof(FrameMessage)) && HoldsFrame(typeof(FrameMessage)));
        Assert.IsNotType<FrameSerializationGuard>(_node.System.Serialization.FindSerializerForType(typeof(FrameMessage)));
        Assert.False(IsMessageShaped(typeof(FrameGuardSpec)));
    }

    /// <summary>Messages are records or structs by house style; actors and frame sources may own a Mat, messages may not travel with one.</summary>
    private static bool IsMessageShaped(Type type) =>
        !type.IsAbstract && !type.IsInterface && !type.Name.Contains('<', StringComparison.Ordinal)
        && (type.IsValueType || type.GetMethod("<Clone>$") is not null);

    private static bool HoldsFrame(Type type) =>
        type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Any(f => typeof(DisposableObject).IsAssignableFrom(f.FieldType));

    private sealed record FrameMessage(Mat Image, DateTimeOffset CapturedAt);
}
