using System.Collections.Concurrent;

namespace EdgeCity.Vision.Assessment;

/// <summary>
/// Runs a frame sequence's decoding on a thread of its own, one frame ahead: a drone video's frames between samples must
/// all be decoded, and doing that while the previous sample is detected keeps both cores busy. At most one decoded
/// frame waits (bounded, no queue building up); the consumer disposes what it takes, and what it leaves is disposed here.
/// </summary>
public static class DecodeAhead
{
    public static IEnumerable<IngestedImage> Of(IEnumerable<IngestedImage> frames, CancellationToken cancellationToken = default)
    {
        using var ready = new BlockingCollection<IngestedImage>(boundedCapacity: 1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? failed = null;
        var producer = new Thread(() =>
        {
            try
            {
                foreach (var f in frames)
                {
                    try
                    {
                        ready.Add(f, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        f.Dispose();
                        return;
                    }
                }
            }
            catch (Exception e)
            {
                failed = e;
            }
            finally
            {
                ready.CompleteAdding();
            }
        }) { IsBackground = true, Name = "assessment-decode" };
        producer.Start();
        try
        {
            foreach (var f in ready.GetConsumingEnumerable(CancellationToken.None))
            {
                yield return f;
            }

            if (failed is not null)
            {
                throw new InvalidOperationException($"decoding stopped: {failed.Message}", failed);
            }
        }
        finally
        {
            stop.Cancel();
            while (ready.TryTake(out var left))
            {
                left.Dispose();
            }

            producer.Join();
            while (ready.TryTake(out var late))
            {
                late.Dispose();
            }
        }
    }
}
