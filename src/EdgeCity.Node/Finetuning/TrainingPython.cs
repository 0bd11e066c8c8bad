using System.Diagnostics;

namespace EdgeCity.Node.Finetuning;

/// <summary>
/// Debian's python3 with PyTorch, which runs the training recipe (models/train/*.py): its packages installed when
/// missing, and its scripts run with their output shown as they go.
/// </summary>
public static class TrainingPython
{
    /// <summary>Debian packages the training recipe imports.</summary>
    public static readonly string[] Packages = ["python3-torch", "python3-torchvision", "python3-onnx", "python3-pil", "python3-numpy"];

    public const string Python = "/usr/bin/python3";

    /// <summary>A file of models/train/ under the current folder or above the program's folder.</summary>
    public static string? FindRecipe(string file)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "models", "train", file);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>True when the recipe's imports work, installing the packages first where this is root on Debian.</summary>
    public static async Task<bool> EnsurePackagesAsync(string verb, CancellationToken ct)
    {
        if (File.Exists(Python) && (await CaptureAsync(Python, ["-c", "import torch, torchvision, onnx, numpy, PIL"], ct)).ExitCode == 0)
        {
            return true;
        }

        var apt = $"apt-get install -y {string.Join(' ', Packages)}";
        if (!Environment.UserName.Equals("root", StringComparison.Ordinal) || !File.Exists("/usr/bin/apt-get"))
        {
            await Console.Error.WriteLineAsync($"{verb} needs Debian's {string.Join(", ", Packages)} for {Python}; install them as root: {apt}");
            return false;
        }

        await Console.Error.WriteLineAsync($"{verb}: installing {string.Join(' ', Packages)} (apt-get)");
        if ((await CaptureAsync("/usr/bin/apt-get", ["update", "-qq"], ct)).ExitCode != 0
            || await RunAsync("/usr/bin/apt-get", ["install", "-y", "-qq", "--no-install-recommends", .. Packages], ct) != 0)
        {
            await Console.Error.WriteLineAsync($"{verb}: '{apt}' failed; install them by hand and try again.");
            return false;
        }

        return true;
    }

    /// <summary>Runs a program with its output on this console; returns its exit code.</summary>
    public static async Task<int> RunAsync(string program, IEnumerable<string> args, CancellationToken ct)
    {
        var info = Start(program, args, redirect: false);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        await process.WaitForExitAsync(ct);
        return process.ExitCode;
    }

    /// <summary>Runs a program quietly; returns its exit code and standard output.</summary>
    public static async Task<(int ExitCode, string Output)> CaptureAsync(string program, IEnumerable<string> args, CancellationToken ct)
    {
        var info = Start(program, args, redirect: true);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        var drainOut = process.StandardOutput.ReadToEndAsync(ct);
        var drainErr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        await Task.WhenAll(drainOut, drainErr);
        return (process.ExitCode, drainOut.Result);
    }

    private static ProcessStartInfo Start(string program, IEnumerable<string> args, bool redirect)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = redirect, RedirectStandardError = redirect };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["PYTHONUNBUFFERED"] = "1";
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        return info;
    }
}
