namespace EdgeCity.Actors.Tests.Cluster;

/// <summary>Polls a condition until it holds; generous timeouts, never a timing assertion.</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                last = ex;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"not within {timeout}: {what}" + (last is null ? string.Empty : $" (last error: {last.Message})"));
    }

    public static Task HoldsAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        HoldsAsync(() => Task.FromResult(condition()), timeout, what);
}
