using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EdgeCity.Node.Tests.Cluster;

/// <summary>An <c>edgecity run --site</c> process configured through <c>EdgeCity__Cluster__…</c> environment variables; its output is kept with the time each line arrived.</summary>
internal sealed class ClusterNodeProcess : IDisposable
{
    private readonly List<(TimeSpan At, string Line)> _lines = [];
    private readonly Stopwatch _clock;

    private ClusterNodeProcess(string name, int port, Process process, Stopwatch clock)
    {
        Name = name;
        Port = port;
        Process = process;
        _clock = clock;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Port { get; }

    public Process Process { get; }

    public string Address => $"akka.tcp://edgecity@127.0.0.1:{Port}";

    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines.Select(l => l.Line));
            }
        }
    }

    public static ClusterNodeProcess Start(string name, int port, string site, IReadOnlyDictionary<string, string> environment, Stopwatch clock)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "edgecity.dll"));
        info.ArgumentList.Add("run");
        info.ArgumentList.Add("--site");
        info.ArgumentList.Add(site);
        info.Environment["EdgeCity__Cluster__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["EdgeCity__Http__Urls"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return new ClusterNodeProcess(name, port, Process.Start(info)!, clock);
    }

    /// <summary>A TCP port that was free a moment ago (the node binds it right after).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>When (on the shared clock) the first line containing every one of <paramref name="parts"/> arrived after <paramref name="since"/>, or null.</summary>
    public TimeSpan? FirstLine(TimeSpan since, params string[] parts)
    {
        lock (_lines)
        {
            foreach (var (at, line) in _lines)
            {
                if (at >= since && parts.All(p => line.Contains(p, StringComparison.Ordinal)))
                {
                    return at;
                }
            }
        }

        return null;
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add((_clock.Elapsed, line));
        }
    }
}
