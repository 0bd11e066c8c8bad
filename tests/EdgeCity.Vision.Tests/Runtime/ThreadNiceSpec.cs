using EdgeCity.Vision.Runtime;

namespace EdgeCity.Vision.Tests.Runtime;

/// <summary>Capture and preprocessing threads lower their own priority, and only their own.</summary>
public sealed class ThreadNiceSpec
{
    [Fact]
    public void Lowering_changes_the_calling_thread_and_not_the_others()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // nice values are per thread on Linux only; elsewhere TryLower changes nothing
        }

        var mine = ThreadNice.Current();
        int? before = null, after = null;
        var lowered = false;
        var thread = new Thread(() =>
        {
            before = ThreadNice.Current();
            lowered = ThreadNice.TryLower(3);
            after = ThreadNice.Current();
        });
        thread.Start();
        thread.Join();

        Assert.True(lowered);
        Assert.NotNull(before);
        Assert.Equal(Math.Min(19, before!.Value + 3), after);
        Assert.Equal(mine, ThreadNice.Current());
    }
}
