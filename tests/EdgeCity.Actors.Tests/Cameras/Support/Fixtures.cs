using EdgeCity.Actors.Cameras;
using EdgeCity.Domain.Sites;
using EdgeCity.Testing;
using Prometheus;

namespace EdgeCity.Actors.Tests.Cameras.Support;

/// <summary>Committed fixtures (golden models, the test clip) and helpers shared by the camera specs.</summary>
public static class Fixtures
{
    public static string Root { get; } = FindRoot();

    public static string Models => Path.Combine(Root, "models", "fixtures");

    public static string Clip => Path.Combine(Root, "models", "clips", "testsrc2-720p.mp4");

    /// <summary>Pipeline options for tests: golden models, CPU, quick reconnects.</summary>
    public static CameraPipelineOptions Options(Action<CameraPipelineOptions>? tweak = null)
    {
        var o = new CameraPipelineOptions
        {
            ModelsDirectory = Models,
            Providers = ["cpu"],
            BackoffInitialSeconds = 0.1,
            BackoffMaxSeconds = 0.5,
            OpenTimeoutSeconds = 3,
            ReadTimeoutSeconds = 2,
            WatchdogSeconds = 5,
        };
        tweak?.Invoke(o);
        return o;
    }

    public static CameraDefinition Camera(string id, string source, string model = "yolov8-golden", double maxFps = 0) =>
        new() { Id = id, Source = source, Intersection = "i1", Approach = "north", Model = model, MaxFps = maxFps };

    /// <summary>Unique camera ids: metrics live in one process-wide registry.</summary>
    public static string Id(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];

    public static async Task<string> ScrapeAsync()
    {
        using var stream = new MemoryStream();
        await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The value of one sample line, e.g. <c>edgecity_camera_stream_up{camera="c1"}</c>; null when absent.</summary>
    public static double? Sample(string text, string series)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(series + " ", StringComparison.Ordinal))
            {
                return double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private static string FindRoot() => RepositoryRoot.FullName;
}
