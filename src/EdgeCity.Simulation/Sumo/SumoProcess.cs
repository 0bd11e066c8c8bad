using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EdgeCity.Simulation.Traci;

namespace EdgeCity.Simulation.Sumo;

/// <summary>
/// A running SUMO with a TraCI connection to it. Started on a free port; its error lines are kept and forwarded;
/// disposing closes TraCI and kills the process (also when the caller failed half-way, or the host is exiting).
/// </summary>
public sealed class SumoProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly Action<string>? _onError;
    private int _disposed;
    private bool _inMessage;

    private SumoProcess(Process process, int port, Action<string>? onError)
    {
        _process = process;
        Port = port;
        _onError = onError;
        AppDomain.CurrentDomain.ProcessExit += OnHostExit;
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The TraCI connection; valid once <see cref="StartAsync"/> returned.</summary>
    public TraciConnection Traci { get; private set; } = null!;

    /// <summary>Error and warning lines SUMO wrote so far.</summary>
    public IReadOnlyList<string> Errors => [.. _errors];

    /// <summary>Starts SUMO, waits until it accepts TraCI, and checks the API version answers.</summary>
    /// <param name="options">What SUMO runs.</param>
    /// <param name="onError">Receives each error or warning line SUMO prints, as it prints it.</param>
    /// <param name="cancellationToken">Stops waiting for SUMO (it is then killed).</param>
    public static async Task<SumoProcess> StartAsync(SumoLaunchOptions options, Action<string>? onError = null, CancellationToken cancellationToken = default)
    {
        var install = SumoInstallation.Require();
        var port = FreePort();
        var info = new ProcessStartInfo(options.Gui ? install.SumoGuiBinary : install.SumoBinary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = options.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        info.Environment["SUMO_HOME"] = install.SumoHome;
        foreach (var arg in options.Arguments(port))
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var sumo = new SumoProcess(process, port, onError);
        process.ErrorDataReceived += (_, e) => sumo.OnLine(e.Data);
        process.OutputDataReceived += (_, e) => sumo.OnLine(e.Data);
        try
        {
            process.Start();
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            sumo.Traci = await sumo.ConnectAsync(options.StartupTimeout, cancellationToken);
            sumo.Traci.GetVersion();
            return sumo;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Give SUMO a moment to finish writing the error that made it quit.
            if (process.WaitForExit(2000))
            {
                // The no-argument wait also drains the redirected output, so every error line has arrived.
                process.WaitForExit();
            }

            var errors = string.Join(Environment.NewLine, sumo.Errors);
            sumo.Dispose();
            throw new InvalidOperationException(
                $"SUMO did not start ({info.FileName} {string.Join(' ', info.ArgumentList)}): {(errors.Length > 0 ? errors : ex.Message)}", ex);
        }
        catch
        {
            sumo.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnHostExit;
        try
        {
            Traci?.Close();
        }
        catch (ObjectDisposedException)
        {
        }

        Kill();
        _process.Dispose();
    }

    private async Task<TraciConnection> ConnectAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var exited = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void OnExited(object? sender, EventArgs e) => exited.Cancel();
        _process.Exited += OnExited;
        try
        {
            if (_process.HasExited)
            {
                exited.Cancel();
            }

            return await TraciConnection.ConnectAsync(Port, timeout, exited.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException($"SUMO exited with code {SafeExitCode()} before accepting TraCI");
        }
        finally
        {
            _process.Exited -= OnExited;
        }
    }

    private string SafeExitCode()
    {
        try
        {
            return _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    private void OnLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        // SUMO continues an error on indented lines ("In file ...", "At line/column ...").
        var continues = _inMessage && line.StartsWith(' ');
        _inMessage = continues || line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Warning", StringComparison.Ordinal);
        if (!_inMessage && !line.StartsWith("Quitting", StringComparison.Ordinal))
        {
            return;
        }

        _errors.Enqueue(line);
        while (_errors.Count > 200 && _errors.TryDequeue(out _))
        {
        }

        _onError?.Invoke(line);
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started, or already reaped.
        }
    }

    private void OnHostExit(object? sender, EventArgs e) => Kill();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
