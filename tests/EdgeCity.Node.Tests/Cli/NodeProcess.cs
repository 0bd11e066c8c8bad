using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace EdgeCity.Node.Tests.Cli;

/// <summary>Runs the built <c>edgecity</c> CLI as a real child process, as an operator would.</summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly StringBuilder _output = new();

    private NodeProcess(Process process)
    {
        Process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static NodeProcess Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts the CLI with extra environment variables (configuration such as <c>EdgeCity__Signals__AuditDirectory</c>).</summary>
    public static NodeProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "edgecity.dll");
        // The node starts as from an operator's terminal, with SIGINT at its default: a test runner started in the
        // background of a non-interactive shell ignores SIGINT, its children inherit that, and the node would then
        // (rightly) ignore Ctrl-C. Python resets the disposition and execs dotnet in the same process.
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])");
        info.ArgumentList.Add("dotnet");
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        info.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        return new NodeProcess(Process.Start(info)!);
    }

    /// <summary>Runs to completion and returns the exit code.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(params string[] args) => RunAsync(TimeSpan.FromSeconds(60), args);

    /// <summary>Runs to completion (within <paramref name="limit"/>) and returns the exit code.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(TimeSpan limit, params string[] args)
    {
        using var p = Start(args);
        using var cts = new CancellationTokenSource(limit);
        await p.Process.WaitForExitAsync(cts.Token);
        p.Process.WaitForExit(); // flushes the async output readers
        return (p.Process.ExitCode, p.Output);
    }

    public async Task<string> WaitForOutputAsync(string marker, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !Process.HasExited)
        {
            var text = Output;
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                var end = text.IndexOf('\n', at);
                return end < 0 ? text[at..] : text[at..end].Trim();
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"'{marker}' not seen within {timeout}; output so far:\n{Output}");
    }

    public void Signal(int signal)
    {
        if (Kill(Process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({Process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
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

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
