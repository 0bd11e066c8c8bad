using EdgeCity.Domain.Sites;
using EdgeCity.Node.Hosting;

namespace EdgeCity.Node.Api;

/// <summary>
/// The site the operator view shows: the one the node was launched with, or in demo mode the demo loop's site (the
/// demo loads it itself, so the launch carries none).
/// </summary>
internal static class OperatorSite
{
    public static (SiteDefinition? Site, string? Path) Of(IServiceProvider services)
    {
        var launch = services.GetRequiredService<NodeLaunch>();
        if (launch.Site is not null)
        {
            return (launch.Site, launch.SitePath);
        }

        // Only the folder matters to the map (the twin's network sits beside the site file).
        return services.GetService<DemoLoopPlan>() is { } demo ? (demo.Site, System.IO.Path.Combine(demo.SiteFolder, "site.json")) : (null, null);
    }
}
