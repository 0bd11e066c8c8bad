using System.Globalization;
using EdgeCity.Simulation.Control;
using EdgeCity.Simulation.Network;
using EdgeCity.Vision.Inference;

namespace EdgeCity.Node.CameraLoop;

/// <summary>One seed of <c>sim --cameras</c>: the closed loop with <see cref="TwinCameraMeasurement"/>, reported as <c>edgecity-&lt;controller&gt;-cameras</c>.</summary>
public static class SimCameraRun
{
    public static async Task<SimRunResult> RunAsync(
        SimScenario scenario, SumoNetwork network, string controller, int seed, string work, SimCameraSite site, DetectionModel model, CancellationToken ct)
    {
        using var cameras = new TwinCameraMeasurement(site.Site, network, model, SimCameraSite.FrameSeconds);
        var run = await ClosedLoop.RunAsync(scenario, network, controller, seed, work, Console.WriteLine, ct, cameras);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv,
            $"seed {seed} cameras: {cameras.Cameras.Count} cameras ({string.Join(", ", cameras.Cameras)}), {cameras.FramesInferred} frames inferred on {model.ProviderLabel}, "
            + $"{cameras.Detections} detections, {cameras.VehiclesCounted} vehicles counted, {cameras.ObservationsUsed} camera observations used; "
            + $"{(scenario.End - scenario.Begin) / run.WallSeconds:0.00} sim s per wall s ({cameras.WallSeconds / Math.Max(1, cameras.FramesInferred) * 1000:0.0} ms per frame rendered, inferred, analysed)"));
        if (cameras.ObservationsUsed == 0)
        {
            throw new InvalidOperationException($"seed {seed}: no camera observation reached a controller (cameras: {cameras.Cameras.Count})");
        }

        return run with { Controller = run.Controller + "-cameras" };
    }
}
