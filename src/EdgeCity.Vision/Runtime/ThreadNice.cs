using System.Runtime.InteropServices;

namespace EdgeCity.Vision.Runtime;

/// <summary>
/// Lowers the calling thread's CPU priority (its Linux nice value), for threads whose work may wait: capture decoding
/// and preprocessing yield to the model run and the actor system when the cores are contended, and still use every
/// idle cycle. Lowering needs no privilege; on other systems, or where it fails, nothing changes.
/// </summary>
public static partial class ThreadNice
{
    private const int PrioProcess = 0; // with a thread id, setpriority applies to that thread only (Linux)

    /// <summary>Adds <paramref name="increment"/> (1–19) to the calling thread's nice value; false when it could not.</summary>
    public static bool TryLower(int increment)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(increment);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(increment, 19);
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var tid = GetTid();
            Marshal.SetLastPInvokeError(0);
            var current = GetPriority(PrioProcess, tid);
            if (current == -1 && Marshal.GetLastPInvokeError() != 0)
            {
                return false;
            }

            return SetPriority(PrioProcess, tid, Math.Min(19, current + increment)) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The calling thread's nice value, or null where it cannot be read.</summary>
    public static int? Current()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        Marshal.SetLastPInvokeError(0);
        var value = GetPriority(PrioProcess, GetTid());
        return value == -1 && Marshal.GetLastPInvokeError() != 0 ? null : value;
    }

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetTid();

    [LibraryImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    private static partial int GetPriority(int which, int who);

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int prio);
}
