using System.Globalization;

namespace EdgeCity.Actors.Hosting;

/// <summary>The HOCON that Akka.Hosting's options do not cover: failure detector, split-brain resolver timings, behaviour when downed.</summary>
public static class ClusterHocon
{
    /// <summary>HOCON for <paramref name="options"/>; prepended so it wins over Akka's defaults.</summary>
    public static string For(EdgeCityClusterOptions options)
    {
        var t = options.Timings;
        return $$"""
            akka.cluster {
              failure-detector {
                heartbeat-interval = {{Ms(t.HeartbeatInterval)}}
                acceptable-heartbeat-pause = {{Ms(t.AcceptableHeartbeatPause)}}
              }
              split-brain-resolver {
                active-strategy = keep-majority
                stable-after = {{Ms(t.StableAfter)}}
                down-all-when-unstable = {{Ms(t.DownAllWhenUnstable)}}
              }
              # A box that is downed (cut off on the minority side) keeps its actor system, so its intersections keep
              # running on local decisions; it leaves the cluster and rejoins after a restart.
              run-coordinated-shutdown-when-down = off
              # Akka.NET 1.5's proxy warns it "failed to find" the singleton "after 30 seconds" in the millisecond it
              # starts looking (akkadotnet/akka.net#8568): a false alarm on every start. Where the singleton runs is
              # logged by the singleton itself and shown by the cluster monitor and /api/cluster.
              singleton-proxy.log-singleton-identification-failure = off
            }
            # Frames never cross nodes; a message this large is a bug, and it would delay heartbeats behind it.
            akka.remote.dot-netty.tcp.maximum-frame-size = 128000b
            """;
    }

    private static string Ms(TimeSpan t) => ((long)t.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
}
