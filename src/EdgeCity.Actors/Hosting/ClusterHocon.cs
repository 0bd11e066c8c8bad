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
            }
            # Frames never cross nodes; a message this large is a bug, and it would delay heartbeats behind it.
            akka.remote.dot-netty.tcp.maximum-frame-size = 128000b
            """;
    }

    private static string Ms(TimeSpan t) => ((long)t.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
}
