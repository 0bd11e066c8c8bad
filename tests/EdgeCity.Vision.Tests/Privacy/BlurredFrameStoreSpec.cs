using EdgeCity.Vision.Privacy;
using EdgeCity.Vision.Tests.Support;
using OpenCvSharp;

namespace EdgeCity.Vision.Tests.Privacy;

public sealed class BlurredFrameStoreSpec
{
    [Fact]
    public void A_disabled_store_takes_no_frame()
    {
        using var store = new BlurredFrameStore(TimeProvider.System);
        using var image = StreetScene.Render();

        store.Offer("cam", 1, DateTimeOffset.UtcNow, image, StreetScene.Detections);

        Assert.False(store.Enabled);
        Assert.Null(store.Latest("cam"));
    }

    [Fact]
    public void An_enabled_store_serves_the_newest_frame_as_a_JPEG_with_faces_and_plates_blurred()
    {
        using var store = new BlurredFrameStore(TimeProvider.System);
        var blurred = 0;
        store.Blurred = (_, regions) => Interlocked.Add(ref blurred, regions.Count);
        store.Enable(new PrivacyBlurOptions(), TimeSpan.FromHours(1));
        using var original = StreetScene.Render();
        store.Offer("cam", 6, DateTimeOffset.UnixEpoch, original, StreetScene.Detections); // nobody asked for "cam" yet: not taken
        Assert.Null(store.Latest("cam")); // an operator asks; from now on its frames are blurred

        store.Offer("cam", 7, DateTimeOffset.UnixEpoch, original, StreetScene.Detections);
        Eventually.True(() => store.Latest("cam") is not null, "a blurred frame");
        store.Offer("cam", 8, DateTimeOffset.UnixEpoch, original, StreetScene.Detections); // within the interval: not taken

        var frame = store.Latest("cam")!;
        Assert.Equal(7, frame.FrameNumber);
        Assert.True(frame.RegionsBlurred >= 5);
        Assert.Equal(frame.RegionsBlurred, Volatile.Read(ref blurred));
        Assert.Equal([0xFF, 0xD8], frame.Jpeg.Take(2));
        using var decoded = Cv2.ImDecode(frame.Jpeg, ImreadModes.Color);
        Assert.Equal(new Size(1280, 720), decoded.Size());
        foreach (var area in new[] { StreetScene.Plate, StreetScene.LoosePlate, new Rect(172, 125, 76, 100) })
        {
            Assert.True(PrivacyBlurSpec.Sharpness(decoded, area) < PrivacyBlurSpec.Sharpness(original, area) * 0.05, $"{area} still sharp in the JPEG");
        }

        Assert.Null(store.Latest("other"));
    }
}
