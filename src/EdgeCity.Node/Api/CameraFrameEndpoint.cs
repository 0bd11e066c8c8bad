using System.Globalization;
using Akka.Actor;
using EdgeCity.Actors.Cameras;
using EdgeCity.Node.Web.Dashboard;
using EdgeCity.Vision.Privacy;

namespace EdgeCity.Node.Api;

/// <summary>
/// <c>GET /api/cameras/{id}/frame</c>: a camera's newest frame as JPEG with every face and plate blurred, at most
/// <see cref="FramesPerSecondKey"/> per second per camera. Only when <see cref="DashboardEndpoints.ShowFramesKey"/> is
/// true; otherwise the pipeline keeps no frame at all and the endpoint answers 404 with problem details saying so.
/// </summary>
public static class CameraFrameEndpoint
{
    /// <summary>How many frames per second per camera are blurred for the operator view (0.2–5, default 1), while someone asks for them.</summary>
    public const string FramesPerSecondKey = "EdgeCity:Dashboard:FramesPerSecond";

    /// <summary>Folder of the Haar cascades (default Debian's <c>opencv-data</c> folder).</summary>
    public const string CascadeFolderKey = "EdgeCity:Dashboard:CascadeFolder";

    public static void MapCameraFrames(this WebApplication app, OperatorView view)
    {
        var enabled = app.Configuration.GetValue<bool>(DashboardEndpoints.ShowFramesKey);
        if (enabled)
        {
            var fps = Math.Clamp(app.Configuration.GetValue<double?>(FramesPerSecondKey) ?? 1, 0.2, 5);
            var options = new PrivacyBlurOptions { CascadeFolder = app.Configuration[CascadeFolderKey] ?? PrivacyBlurOptions.DebianCascadeFolder };
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                PrivateFrames.Get(app.Services.GetRequiredService<ActorSystem>()).Store.Enable(options, TimeSpan.FromSeconds(1 / fps));
                app.Logger.LogInformation("Camera frames on ({Key}): at most {Fps}/s per camera, faces and plates blurred (cascades in {Folder} plus detector boxes)", DashboardEndpoints.ShowFramesKey, fps, options.CascadeFolder);
            });
        }

        app.MapGet("/api/cameras/{id}/frame", (string id, HttpResponse response, ActorSystem system) =>
        {
            if (!enabled)
            {
                return Results.Problem(
                    title: "Camera frames are disabled",
                    detail: $"This node shows no camera frames: set {DashboardEndpoints.ShowFramesKey}=true to serve them, with faces and plates blurred.",
                    statusCode: StatusCodes.Status404NotFound);
            }

            if (view.Camera(id) is null)
            {
                return Results.Problem(title: "Unknown camera", detail: $"There is no camera '{id}' on this node's site.", statusCode: StatusCodes.Status404NotFound);
            }

            if (PrivateFrames.Get(system).Store.Latest(id) is not { } frame)
            {
                return Results.Problem(
                    title: "No frame yet",
                    detail: $"Camera '{id}' has no blurred frame yet: its stream is not up on this node, or it has not been through the detector.",
                    statusCode: StatusCodes.Status404NotFound);
            }

            response.Headers.CacheControl = "no-store";
            response.Headers["X-Frame-Number"] = frame.FrameNumber.ToString(CultureInfo.InvariantCulture);
            response.Headers["X-Captured-At"] = frame.CapturedAt.ToString("O", CultureInfo.InvariantCulture);
            response.Headers["X-Regions-Blurred"] = frame.RegionsBlurred.ToString(CultureInfo.InvariantCulture);
            return Results.Bytes(frame.Jpeg, "image/jpeg");
        }).WithTags("operator");
    }
}
