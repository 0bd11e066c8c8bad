using EdgeCity.Domain.Assessment;
using EdgeCity.Vision.Assessment;
using OpenCvSharp;

namespace EdgeCity.Vision.Tests.Assessment;

public sealed class DecodeAheadSpec
{
    [Fact]
    public void Frames_come_through_in_order_and_those_left_when_the_consumer_stops_are_disposed()
    {
        var made = new List<IngestedImage>();
        IEnumerable<IngestedImage> Frames()
        {
            for (var i = 0; i < 10; i++)
            {
                var f = new IngestedImage(new Mat(4, 4, MatType.CV_8UC3), "v.mp4", i, $"d{i}", ImagePose.Unknown);
                lock (made)
                {
                    made.Add(f);
                }

                yield return f;
            }
        }

        var taken = new List<int>();
        foreach (var f in DecodeAhead.Of(Frames()))
        {
            taken.Add(f.Frame);
            f.Dispose();
            if (taken.Count == 3)
            {
                break;
            }
        }

        Assert.Equal([0, 1, 2], taken);
        lock (made)
        {
            Assert.All(made, f => Assert.True(f.Image.IsDisposed, $"frame {f.Frame} left undisposed"));
            Assert.InRange(made.Count, 3, 5); // one frame ahead at most, not the whole video
        }
    }

    [Fact]
    public void A_decoder_that_fails_says_so_after_the_frames_it_made()
    {
        IEnumerable<IngestedImage> Frames()
        {
            yield return new IngestedImage(new Mat(4, 4, MatType.CV_8UC3), "v.mp4", 0, "d0", ImagePose.Unknown);
            throw new IOException("read error");
        }

        var got = new List<int>();
        var e = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var f in DecodeAhead.Of(Frames()))
            {
                got.Add(f.Frame);
                f.Dispose();
            }
        });

        Assert.Equal([0], got);
        Assert.Contains("read error", e.Message, StringComparison.Ordinal);
    }
}
