namespace EdgeCity.Vision.Tests.Support;

/// <summary>Waits for a condition on a real stream; the limit is a hang guard, never a speed assertion.</summary>
public static class Eventually
{
    public static void True(Func<bool> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"gave up waiting for: {what}");
            }

            Thread.Sleep(20);
        }
    }
}
