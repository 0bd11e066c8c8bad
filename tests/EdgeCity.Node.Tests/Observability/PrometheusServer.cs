using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace EdgeCity.Node.Tests.Observability;

/// <summary>Debian's real <c>/usr/bin/prometheus</c> on a free 127.0.0.1 port with a throw-away config and TSDB; killed on dispose.</summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus";

    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _log = new();

    private PrometheusServer(Process process, string directory, Uri baseAddress)
    {
        _process = process;
        _directory = directory;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    /// <summary>Prometheus's own log so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Writes <paramref name="configYaml"/> to a temporary folder and starts Prometheus on it.</summary>
    public static PrometheusServer Start(string configYaml)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException(
                $"{Binary} is missing: ./edgecity installs it (Debian package prometheus; or apt-get install prometheus).");
        }

        var directory = Directory.CreateTempSubdirectory("edgecity-prometheus-").FullName;
        var config = Path.Combine(directory, "prometheus.yml");
        File.WriteAllText(config, configYaml);
        var port = FreePort();
        var info = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        info.ArgumentList.Add($"--config.file={config}");
        info.ArgumentList.Add($"--storage.tsdb.path={Path.Combine(directory, "data")}");
        info.ArgumentList.Add($"--web.listen-address=127.0.0.1:{port}");
        return new PrometheusServer(Process.Start(info)!, directory, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Waits for <c>/-/ready</c>; fails with Prometheus's log when it exits or never gets ready.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited with {_process.ExitCode} before it was ready:\n{Log}");
            }

            try
            {
                if ((await Http.GetAsync("-/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"prometheus was not ready after {timeout}:\n{Log}");
    }

    /// <summary>Runs an instant query; returns the <c>data.result</c> array of the JSON answer.</summary>
    public async Task<JsonElement> QueryAsync(string promql)
    {
        var json = await Http.GetStringAsync($"api/v1/query?query={Uri.EscapeDataString(promql)}");
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.GetProperty("status").GetString() != "success")
        {
            throw new InvalidOperationException($"query {promql} failed: {json}");
        }

        return doc.RootElement.GetProperty("data").GetProperty("result").Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a dying process; the temp folder is cleaned up by the OS later.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
