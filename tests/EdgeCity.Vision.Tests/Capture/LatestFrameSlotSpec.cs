using EdgeCity.Vision.Capture;

namespace EdgeCity.Vision.Tests.Capture;

public sealed class LatestFrameSlotSpec
{
    [Fact]
    public void The_consumer_gets_the_newest_frame_and_replaced_ones_are_reported()
    {
        var slot = new LatestFrameSlot();

        slot.Back.FrameNumber = 1;
        Assert.False(slot.Publish());
        slot.Back.FrameNumber = 2;
        Assert.True(slot.Publish()); // frame 1 was never taken
        Assert.True(slot.TryTake(out var frame));
        Assert.Equal(2, frame.FrameNumber);
        Assert.False(slot.TryTake(out _));

        slot.Back.FrameNumber = 3;
        Assert.False(slot.Publish());
        Assert.True(slot.TryTake(out frame));
        Assert.Equal(3, frame.FrameNumber);
    }

    [Fact]
    public void The_writer_never_fills_the_buffer_the_consumer_holds()
    {
        var slot = new LatestFrameSlot();
        slot.Publish();
        slot.TryTake(out var held);

        for (var i = 0; i < 5; i++)
        {
            Assert.NotSame(held, slot.Back);
            slot.Publish();
        }
    }

    [Fact]
    public void The_images_are_freed_when_both_sides_have_released()
    {
        var slot = new LatestFrameSlot();
        var back = slot.Back;

        slot.Release();
        Assert.False(back.Image.IsDisposed);
        slot.Release();
        Assert.True(back.Image.IsDisposed);
    }

    [Fact]
    public void Each_new_frame_wakes_the_consumer()
    {
        var slot = new LatestFrameSlot();
        var wakes = 0;
        slot.OnFrameArrived(() => wakes++);

        slot.Publish();
        slot.Publish();

        Assert.Equal(2, wakes);
    }
}
