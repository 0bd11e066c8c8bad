using EdgeCity.Simulation.Control;

namespace EdgeCity.Node.Cli;

/// <summary>How the closed-loop commands (<c>sim</c>, <c>sim suite</c>, <c>sim tune</c>) end a run that failed, and tidy up.</summary>
internal static class SimRunFailure
{
    /// <summary>Failures a closed-loop run reports with an exit code instead of a stack trace.</summary>
    public static bool IsReported(Exception ex) =>
        ex is SignalRuleBrokenException or InvalidOperationException or ArgumentException or InvalidDataException or FileNotFoundException;

    /// <summary>Says what failed; returns the exit code: 3 a signal rule broken (the run is invalid), 2 bad input, 1 otherwise.</summary>
    public static async Task<int> ReportAsync(Exception ex)
    {
        if (ex is SignalRuleBrokenException)
        {
            await Console.Error.WriteLineAsync($"SIGNAL RULE BROKEN, run invalid: {ex.Message}");
            return 3;
        }

        await Console.Error.WriteLineAsync(ex.Message);
        return ex is ArgumentException ? 2 : 1;
    }

    /// <summary>Deletes a run's work folder; one still in use is left for the system's temporary-file cleanup.</summary>
    public static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
