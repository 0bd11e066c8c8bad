using Akka.Hosting;
using EdgeCity.Actors.Cameras;
using EdgeCity.Actors.Cluster;
using EdgeCity.Actors.Hosting;
using EdgeCity.Actors.Signals;
using EdgeCity.Actors.Assessment;
using EdgeCity.Node.Api;
using EdgeCity.Node.Web;
using EdgeCity.Node.Web.Dashboard;
using EdgeCity.Node.Web.Triage;
using Prometheus;

namespace EdgeCity.Node.Hosting;

/// <summary>The composition root: builds the web host with the actor system, health endpoints, metrics and start page.</summary>
public static class NodeHost
{
    /// <summary>How long the node may take to stop on SIGINT/SIGTERM before the host gives up (the CLI promises 10 s).</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(8);

    /// <summary>Builds (but does not start) the node's host.</summary>
    public static WebApplication Build(NodeLaunch launch)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = launch.Args,
            ContentRootPath = AppContext.BaseDirectory,
        });

        var clusterOptions = builder.Configuration.GetSection("EdgeCity:Cluster").Get<EdgeCityClusterOptions>() ?? new EdgeCityClusterOptions();
        if (launch.ClusterPort is { } port)
        {
            clusterOptions.Port = port;
        }

        if (NodeSettingsCheck.Problems(builder.Configuration) is { Count: > 0 } problems)
        {
            throw new NodeConfigurationException("configuration is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)));
        }

        var urls = launch.HttpUrls ?? builder.Configuration["EdgeCity:Http:Urls"] ?? "http://127.0.0.1:5080";
        builder.WebHost.UseUrls(urls);
        var https = HttpsCertificate.Load(builder.Configuration, urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = Api.PayloadValidation.MaxBodyBytes;
            if (https is not null)
            {
                k.ConfigureHttpsDefaults(h => h.ServerCertificate = https);
            }
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddSingleton(launch);
        builder.Services.AddSingleton(clusterOptions);
        builder.Services.AddSingleton<NodeReadiness>();
        builder.Services.AddSingleton(new ApiChangeLog(builder.Configuration["EdgeCity:Api:ChangeLog"] is { Length: > 0 } changeLog
            ? changeLog
            : Path.Combine(AuditFolder.Of(launch, builder.Configuration), "api-changes.jsonl")));
        var signals = SignalControlSetup.Prepare(launch, builder.Configuration);
        builder.Services.AddSingleton(signals.Coordinators);
        builder.Services.AddSingleton(signals.Live);
        builder.Services.AddSingleton(signals.Models);
        if (signals.Demo is { } demo)
        {
            builder.Services.AddSingleton(demo);
            builder.Services.AddHostedService<DemoLoop>();
        }

        var cameraOptions = CheckedCameraOptions(builder.Configuration);
        var assessment = AssessmentHosting.Prepare(launch, builder.Configuration, cameraOptions);
        if (assessment is not null)
        {
            builder.Services.AddSingleton(assessment);
        }

        if (launch.Site is not null)
        {
            // This node runs its site's camera path, so cameras added through the API run here too (CameraControl).
            builder.Services.AddSingleton(cameraOptions);
        }

        builder.Services.AddAkka(clusterOptions.SystemName, (akka, _) =>
        {
            akka.WithEdgeCityCluster(clusterOptions)
                .WithEdgeCitySignalControl(signals.Intersections, signals.Coordinators)
                .WithCorridorCoordinator(CorridorCoordinator.Props((launch.Site ?? signals.Demo?.Site)?.Corridors ?? [], TimeProvider.System)); // the site's green waves, advice to coordinators on every box
            if (launch.Site is { Cameras.Count: > 0 } site)
            {
                akka.WithEdgeCityCameraPath(site, cameraOptions, signals.Coordinators); // per camera: analytics into its coordinator, a CameraActor; an InferenceActor per model
            }

            if (assessment is not null)
            {
                akka.WithEdgeCityAssessment(assessment); // the inbox watcher and the finding replicator
            }
        });

        var app = builder.Build();
        app.Use((context, next) =>
        {
            // The dashboard is never framed by another site, responses are never sniffed into another type, and no
            // page of the box leaks its address to a link it opens.
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";
            return next(context);
        });
        app.UseApiChangeLog();
        app.UseHttpMetrics();
        NodeInfoMetric.Publish(launch, clusterOptions);
        app.MapHealthEndpoints();
        app.MapMetrics("/metrics");
        app.MapStartPage();
        app.MapEdgeCityApi();
        app.MapDashboard();
        if (assessment is not null)
        {
            app.MapAssessmentApi(assessment);
            app.MapTriagePage(assessment);
            app.Lifetime.ApplicationStopped.Register(assessment.Store.Dispose);
        }

        return app;
    }

    /// <summary>The camera options, bound and checked; a bad value stops the node here with the key and its source.</summary>
    private static CameraPipelineOptions CheckedCameraOptions(IConfiguration configuration)
    {
        CameraPipelineOptions options;
        try
        {
            options = configuration.GetSection(CameraOptionsCheck.Section).Get<CameraPipelineOptions>() ?? new CameraPipelineOptions();
        }
        catch (InvalidOperationException e)
        {
            // The binder's message names the key ("Failed to convert configuration value at 'EdgeCity:Cameras:MaxBatch'...").
            throw new NodeConfigurationException($"configuration is not valid: {e.Message}");
        }

        var problems = CameraOptionsCheck.Problems(options, configuration);
        return problems.Count == 0
            ? options
            : throw new NodeConfigurationException("configuration is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)));
    }
}
