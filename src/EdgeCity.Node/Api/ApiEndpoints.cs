using Akka.Actor;
using Akka.Event;
using EdgeCity.Actors.Analytics;
using EdgeCity.Node.Hosting;

namespace EdgeCity.Node.Api;

/// <summary>
/// The operator API under <c>/api</c>: cameras, intersections, cluster, the site map, and a Server-Sent Events stream of
/// snapshots for the dashboard. Reading is open (it is what the dashboard shows); every change needs the token.
/// </summary>
public static class ApiEndpoints
{
    /// <summary>Where a camera's analytics actor lives; <c>{camera}</c> is replaced by the camera id.</summary>
    public const string AnalyticsPathKey = "EdgeCity:Api:AnalyticsPath";

    /// <summary>Where an intersection's coordinator lives; <c>{intersection}</c> is replaced by the intersection id.</summary>
    public const string CoordinatorPathKey = "EdgeCity:Api:CoordinatorPath";

    public const string DefaultCoordinatorPath = "/user/coordinator-{intersection}";

    private const string DefaultAnalyticsPath = "/user/analytics-{camera}";

    private static string OperatorOf(HttpContext http) =>
        http.Items.TryGetValue(ApiChangeRecorder.OperatorKey, out var who) && who is string name ? name : "an unknown operator";

    public static void MapEdgeCityApi(this WebApplication app)
    {
        var view = OperatorViewHosting.Attach(app);
        var map = OperatorViewHosting.MapOf(app);
        var (site, _) = OperatorSite.Of(app.Services);

        var api = app.MapGroup("/api").WithTags("operator");
        api.MapGet("/cluster", (ActorSystem system) => ClusterView.Of(system));
        api.MapGet("/map", () => map);
        api.MapGet("/intersections", () => view.Intersections(withTimeline: false));
        api.MapGet("/intersections/{id}", (string id, string? audit) =>
        {
            // Parsed here, not bound: a bad value gets a problem naming the parameter, not an empty 400.
            var records = 20;
            if (audit is not null && !int.TryParse(audit, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out records))
            {
                var errors = new PayloadErrors();
                errors.Add("audit", $"must be a whole number of audit records (0-100), was '{audit}'");
                return errors.ToProblem("The query is not valid");
            }

            return view.Intersection(id, Math.Clamp(records, 0, 100)) is { } x ? Results.Ok(x) : NotFound("intersection", id);
        });
        api.MapGet("/cameras", () => view.Cameras());
        api.MapGet("/cameras/{id}", (string id) =>
            view.Cameras().FirstOrDefault(c => c.Id == id) is { } c ? Results.Ok(new { status = c, definition = view.Camera(id) }) : NotFound("camera", id));
        app.MapCameraFrames(view);
        api.MapGet("/events", (HttpContext http, ActorSystem system) => OperatorEventStream.RunAsync(http, view, system));
        api.MapGet("/alarms", () => Results.Ok(new { active = view.Alarms.Active(), recent = view.Alarms.Recent() }));
        api.MapGet("/changes", (string? last, ApiChangeLog changes) =>
        {
            // Who changed what (and who tried): the latest changing calls, newest last; the whole record is the file.
            var count = 50;
            if (last is not null && !int.TryParse(last, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out count))
            {
                var errors = new PayloadErrors();
                errors.Add("last", $"must be a whole number of changes (1-200), was '{last}'");
                return errors.ToProblem("The query is not valid");
            }

            return Results.Ok(new { file = changes.Path, changes = changes.Recent(Math.Clamp(count, 1, 200)) });
        });

        var changes = api.MapGroup(string.Empty).AddEndpointFilter<ApiToken>();
        changes.MapPost("/cameras", async (HttpRequest request, ActorSystem system, IServiceProvider services) =>
        {
            var (payload, problem) = await PayloadValidation.ReadAsync<CameraPayload>(request);
            if (problem is not null)
            {
                return problem;
            }

            var errors = new PayloadErrors();
            var camera = PayloadValidation.Camera(payload!, site, errors, CameraSourcePolicy.From(services.GetRequiredService<IConfiguration>()));
            if (camera is null)
            {
                return errors.ToProblem("The camera is not valid");
            }

            if (!view.AddCamera(camera))
            {
                return Results.Problem(title: "Camera exists", detail: $"A camera with id '{camera.Id}' exists; remove it first or change its analytics.", statusCode: StatusCodes.Status409Conflict);
            }

            var control = Cameras(system, services, site);
            var analytics = await control.StartAsync(camera);
            system.Log.Info(
                "Camera {0} added through the API by {1}: {2}/{3}, model {4}; {5}",
                camera.Id, OperatorOf(request.HttpContext), camera.Intersection, camera.Approach, camera.Model,
                !control.RunsCameras ? "registered only (this node runs no cameras)" : analytics ? "started and measured" : "started, not measured (the log says why)");
            return Results.Created($"/api/cameras/{camera.Id}", new { status = view.Cameras().First(c => c.Id == camera.Id), started = control.RunsCameras, analytics });
        });
        changes.MapPost("/alarms/{id}/ack", (string id, HttpContext http, ActorSystem system) =>
        {
            // Acknowledged by the operator whose token this is; the call itself is on the change record.
            var who = OperatorOf(http);
            if (!view.AcknowledgeAlarm(id, who))
            {
                return NotFound("alarm", id);
            }

            system.Log.Info("Alarm {0} acknowledged by {1}", id, who);
            return Results.Ok(view.Alarms.Active().First(a => a.Id == id));
        });
        changes.MapDelete("/cameras/{id}", (string id, HttpContext http, ActorSystem system, IServiceProvider services) =>
        {
            var removed = view.Camera(id);
            if (!view.RemoveCamera(id))
            {
                return NotFound("camera", id);
            }

            Cameras(system, services, site).Stop(id);
            // Its approach now gets no data: the coordinator falls back once it goes stale, and says so itself.
            system.Log.Warning("Camera {0} removed through the API by {1}: {2}/{3} is no longer measured by it", id, OperatorOf(http), removed?.Intersection, removed?.Approach);
            return Results.NoContent();
        });
        changes.MapPut("/cameras/{id}/analytics", async (string id, HttpRequest request, ActorSystem system, IConfiguration config) =>
        {
            if (view.Camera(id) is not { } camera)
            {
                return NotFound("camera", id);
            }

            var (payload, problem) = await PayloadValidation.ReadAsync<AnalyticsPayload>(request);
            if (problem is not null)
            {
                return problem;
            }

            var errors = new PayloadErrors();
            var (lines, zones) = PayloadValidation.Analytics(payload!, errors, camera.Approach);
            if (errors.Any)
            {
                return errors.ToProblem($"The count lines or zones for camera {id} are not valid");
            }

            var path = (config[AnalyticsPathKey] ?? DefaultAnalyticsPath).Replace("{camera}", id, StringComparison.Ordinal);
            IActorRef analytics;
            try
            {
                analytics = await system.ActorSelection(path).ResolveOne(TimeSpan.FromSeconds(3));
            }
            catch (ActorNotFoundException)
            {
                return Results.Problem(
                    title: "Camera analytics not running on this node",
                    detail: $"No analytics actor at {path} for camera {id}: change it on the node that runs the camera.",
                    statusCode: StatusCodes.Status409Conflict);
            }

            var answer = await analytics.Ask<object>(new ReconfigureAnalytics(lines.Select(Domain.Evaluation.SiteCameraSetup.LineOf).ToList(), zones), TimeSpan.FromSeconds(5));
            switch (answer)
            {
                case AnalyticsReconfigured done:
                    view.ReplaceAnalytics(id, payload!.CountLines is null ? camera.CountLines : lines, payload.Zones is null ? camera.Zones : ToDefinitions(zones));
                    return Results.Ok(new { camera = done.CameraId, countLines = done.Lines, zones = done.Zones });
                case AnalyticsReconfigurationRejected rejected:
                    var rejectedErrors = new PayloadErrors();
                    rejectedErrors.Add(rejected.Reason.Contains("zone", StringComparison.OrdinalIgnoreCase) ? "zones" : "countLines", rejected.Reason);
                    return rejectedErrors.ToProblem($"Camera {id} rejected the count lines or zones; the previous ones stay in use");
                default:
                    return Results.Problem(title: "Unexpected answer from analytics", detail: answer.GetType().Name, statusCode: StatusCodes.Status502BadGateway);
            }
        });

        app.MapGet("/openapi/v1.json", () => Results.Text(OpenApiDocument.Json, "application/json"));
    }

    private static List<Domain.Sites.ZoneDefinition> ToDefinitions(IReadOnlyList<Domain.Zones.LaneZone> zones) =>
        zones.Select(z => new Domain.Sites.ZoneDefinition { Id = z.Id, Lane = z.Lane, Polygon = z.Polygon.Select(p => (IReadOnlyList<double>)[p.X, p.Y]).ToList() }).ToList();

    private static CameraControl Cameras(ActorSystem system, IServiceProvider services, Domain.Sites.SiteDefinition? site) =>
        new(system, services.GetService<Actors.Cameras.CameraPipelineOptions>(), services.GetService<Actors.Hosting.SignalCoordinators>(), site);

    private static IResult NotFound(string what, string id) =>
        Results.Problem(title: $"Unknown {what}", detail: $"There is no {what} '{id}' on this node's site.", statusCode: StatusCodes.Status404NotFound);
}
