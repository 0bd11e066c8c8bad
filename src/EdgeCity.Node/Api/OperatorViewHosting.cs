using Akka.Actor;

namespace EdgeCity.Node.Api;

/// <summary>
/// Creates the node's one <see cref="OperatorView"/> and starts its feed once the actor system runs. Kept on the app
/// (not in DI) so that the API and the dashboard plug in with one line each in the composition root.
/// </summary>
public static class OperatorViewHosting
{
    private const string Key = "EdgeCity.OperatorView";
    private const string MapKey = "EdgeCity.DistrictMap";

    public static OperatorView Attach(WebApplication app)
    {
        if (((IApplicationBuilder)app).Properties.TryGetValue(Key, out var existing) && existing is OperatorView v)
        {
            return v;
        }

        var (site, sitePath) = OperatorSite.Of(app.Services);
        var map = DistrictMapBuilder.Build(site, sitePath, app.Services.GetService<Hosting.SiteSignalModels>());
        var view = new OperatorView(site, TimeProvider.System, DistrictMapBuilder.PhaseNames(map));
        ((IApplicationBuilder)app).Properties[Key] = view;
        ((IApplicationBuilder)app).Properties[MapKey] = map;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var system = app.Services.GetRequiredService<ActorSystem>();
            var template = app.Configuration[ApiEndpoints.CoordinatorPathKey] ?? ApiEndpoints.DefaultCoordinatorPath;
            var coordinators = (site?.Intersections ?? []).ToDictionary(x => x.Id, x => template.Replace("{intersection}", x.Id, StringComparison.Ordinal));
            var live = app.Services.GetService<Hosting.LiveSignals>();
            system.ActorOf(OperatorViewFeed.Props(view, coordinators, () => live?.Fault), "operator-view");
        });
        return view;
    }

    /// <summary>The view attached to <paramref name="app"/> (tests and the dashboard read it).</summary>
    public static OperatorView Of(WebApplication app) => Attach(app);

    /// <summary>The district map the view names phases from (built once with the view).</summary>
    public static DistrictMap MapOf(WebApplication app)
    {
        Attach(app);
        return (DistrictMap)((IApplicationBuilder)app).Properties[MapKey]!;
    }
}
