using EdgeCity.Vision.Evaluation;
using OpenCvSharp;

namespace EdgeCity.Vision.Tests.Evaluation;

public sealed class SlitScanSpec
{
    [Fact]
    public void A_vehicle_crossing_the_line_is_a_blob_in_the_rows_of_the_frames_it_covers_the_line_and_where_it_crosses()
    {
        // A horizontal line y = 50, x 10..110 (101 samples). A 20x20 white "vehicle" at x 40..59 moves down 10 px a frame
        // from y = 0: it covers the line in frames 4 and 5 (y 40..59 and 50..69), at samples 30..49.
        var scan = new SlitScan((10, 50), (110, 50), framesPerSecond: 10, framesPerColumn: 8, scale: 1);
        for (var f = 0; f < 10; f++)
        {
            using var frame = new Mat(100, 120, MatType.CV_8UC3, Scalar.Black);
            frame.Rectangle(new Rect(40, f * 10, 20, 20), Scalar.White, -1);
            scan.Add(frame);
        }

        using var image = scan.Render();

        Assert.Equal((101, 10), (scan.Samples, scan.Frames));
        Assert.Equal((8, 2 * (56 + 101)), (image.Rows, image.Cols)); // 10 frames wrap into 2 columns of 8 rows
        int Bright(int frame, int sample) => image.At<Vec3b>(frame % 8, ((frame / 8) * (56 + 101)) + 56 + sample).Item0;
        Assert.All(new[] { 4, 5 }, f => Assert.Equal(255, Bright(f, 35)));
        Assert.All(new[] { 0, 3, 6, 9 }, f => Assert.Equal(0, Bright(f, 35)));
        Assert.Equal(0, Bright(4, 60)); // beside the vehicle
    }
}
