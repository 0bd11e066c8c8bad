using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Tests.Detection;

public sealed class LetterboxSpec
{
    [Fact]
    public void A_720p_frame_fills_the_width_of_a_640_input_with_bands_above_and_below()
    {
        var lb = Letterbox.Fit(1280, 720, 640, 640, LetterboxAlignment.Center);

        Assert.Equal(0.5f, lb.Scale);
        Assert.Equal((640, 360), (lb.ResizedWidth, lb.ResizedHeight));
        Assert.Equal((0, 140), (lb.PadX, lb.PadY));
    }

    [Fact]
    public void A_portrait_frame_is_padded_left_and_right()
    {
        var lb = Letterbox.Fit(480, 640, 640, 640, LetterboxAlignment.Center);

        Assert.Equal(1f, lb.Scale);
        Assert.Equal((80, 0), (lb.PadX, lb.PadY));
    }

    [Fact]
    public void Yolox_alignment_puts_all_padding_bottom_right()
    {
        var lb = Letterbox.Fit(1280, 720, 416, 416, LetterboxAlignment.TopLeft);

        Assert.Equal((0, 0), (lb.PadX, lb.PadY));
        Assert.Equal(416f / 1280, lb.Scale);
    }

    [Fact]
    public void Boxes_map_back_to_source_pixels_and_round_trip()
    {
        var lb = Letterbox.Fit(1920, 1080, 640, 640, LetterboxAlignment.Center);
        var source = new BoxF(300, 400, 500, 620);

        var input = lb.ToInput(source);
        var back = lb.ToSource(input);

        Assert.Equal(new BoxF(100, 133.33333f + 80, 166.66667f, 206.66667f + 80).Left, input.Left, 3);
        Assert.Equal(source.Left, back.Left, 2);
        Assert.Equal(source.Top, back.Top, 2);
        Assert.Equal(source.Right, back.Right, 2);
        Assert.Equal(source.Bottom, back.Bottom, 2);
    }

    [Fact]
    public void Boxes_reaching_into_the_padding_are_clipped_to_the_frame()
    {
        var lb = Letterbox.Fit(1280, 720, 640, 640, LetterboxAlignment.Center);

        var box = lb.ToSource(new BoxF(-10, 100, 700, 520));

        Assert.Equal(new BoxF(0, 0, 1280, 720), box);
    }
}
