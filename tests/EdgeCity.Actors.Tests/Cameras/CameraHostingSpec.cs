using Akka.Actor;
using Akka.Hosting;
using EdgeCity.Actors.Cameras;
using EdgeCity.Actors.Hosting;
using EdgeCity.Actors.Tests.Cameras.Support;
using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Sites;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EdgeCity.Actors.Tests.Cameras;

[Collection(CameraSpecs.Name)]
public sealed class CameraHostingSpec
{
    [Fact]
    public async Task A_hosted_node_starts_one_camera_actor_per_site_camera_and_one_inference_actor_per_model()
    {
        string a = Fixtures.Id("host-a"), b = Fixtures.Id("host-b");
        var site = new SiteDefinition { Name = "main-street", Cameras = [Fixtures.Camera(a, Fixtures.Clip), Fixtures.Camera(b, Fixtures.Clip)] };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostApplicationLifetime, Lifetime>();
        services.AddAkka("edgecity-hosting-spec", (akka, _) => akka
            .AddHocon("akka.loglevel = WARNING", HoconAddMode.Prepend)
            .WithEdgeCityCameras(site, Fixtures.Options()));
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToArray();
        foreach (var h in hosted)
        {
            await h.StartAsync(CancellationToken.None);
        }

        try
        {
            var system = provider.GetRequiredService<ActorSystem>();
            var seen = new TaskCompletionSource<FrameDetections>(TaskCreationOptions.RunContinuationsAsynchronously);
            var listener = system.ActorOf(Props.Create(() => new Forward(seen, b)));
            system.EventStream.Subscribe(listener, typeof(FrameDetections));

            var detections = await seen.Task.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(3, detections.Detections.Count);
            var timeout = TimeSpan.FromSeconds(10);
            await system.ActorSelection("/user/camera-" + a).ResolveOne(timeout);
            await system.ActorSelection("/user/camera-" + b).ResolveOne(timeout);
            await system.ActorSelection("/user/inference-yolov8-golden").ResolveOne(timeout);
        }
        finally
        {
            foreach (var h in hosted.Reverse())
            {
                await h.StopAsync(CancellationToken.None);
            }
        }
    }

    // The piece of a generic host Akka.Hosting asks for; this spec starts the hosted services itself.
    private sealed class Lifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();
    }

    private sealed class Forward : ReceiveActor
    {
        public Forward(TaskCompletionSource<FrameDetections> seen, string camera) =>
            Receive<FrameDetections>(d => d.CameraId == camera, d => seen.TrySetResult(d));
    }
}
