using EdgeCity.Vision.Privacy;
using OpenCvSharp;

namespace EdgeCity.Vision.Tests.Privacy;

public sealed class PrivacyBlurSpec
{
    [Fact]
    public void The_cascades_find_the_drawn_face_and_both_plates_and_the_boxes_add_head_and_plate_band()
    {
        using var image = StreetScene.Render();
        using var blur = new PrivacyBlur();
        Assert.Empty(blur.MissingCascades);

        var regions = blur.Find(image, StreetScene.Detections);

        Assert.Contains(regions, r => r.Source == PrivacyRegionSource.FaceCascade && r.Area.Contains(new Point(210, 175)));
        Assert.Contains(regions, r => r.Source == PrivacyRegionSource.PlateCascade && Covers(r.Area, StreetScene.Plate));
        Assert.Contains(regions, r => r.Source == PrivacyRegionSource.PlateCascade && Covers(r.Area, StreetScene.LoosePlate));
        Assert.Contains(regions, r => r.Source == PrivacyRegionSource.PersonBox && r.Area.Contains(new Point(210, 175)));
        Assert.Contains(regions, r => r.Source == PrivacyRegionSource.VehicleBox && Covers(r.Area, StreetScene.Plate));
    }

    [Fact]
    public void Every_blurred_region_loses_its_detail_and_every_pixel_outside_them_is_untouched()
    {
        using var original = StreetScene.Render();
        using var image = original.Clone();
        using var blur = new PrivacyBlur();

        var regions = blur.Apply(image, StreetScene.Detections);

        Assert.True(regions.Count >= 5, $"{regions.Count} regions");
        foreach (var r in regions)
        {
            var before = Sharpness(original, r.Area);
            var after = Sharpness(image, r.Area);
            Assert.True(after < before * 0.05, $"{r.Source} {r.Area}: Laplacian variance {before:F0} -> {after:F1}");
        }

        foreach (var plate in new[] { StreetScene.Plate, StreetScene.LoosePlate })
        {
            Assert.True(Sharpness(image, plate) < Sharpness(original, plate) * 0.05, $"plate {plate} still sharp");
        }

        Assert.Equal(0, ChangedOutside(original, image, regions));
    }

    [Fact]
    public void Without_cascades_the_detector_boxes_still_blur_the_head_and_the_plate_band()
    {
        var empty = Directory.CreateTempSubdirectory("edgecity-no-cascades-");
        try
        {
            using var original = StreetScene.Render();
            using var image = original.Clone();
            using var blur = new PrivacyBlur(new PrivacyBlurOptions { CascadeFolder = empty.FullName });
            Assert.True(blur.BoxesOnly);
            Assert.Equal(3, blur.MissingCascades.Count);

            var regions = blur.Apply(image, StreetScene.Detections);

            Assert.Equal([PrivacyRegionSource.PersonBox, PrivacyRegionSource.VehicleBox], regions.Select(r => r.Source));
            var face = new Rect(172, 125, 76, 100);
            Assert.True(Sharpness(image, face) < Sharpness(original, face) * 0.05, "face still sharp");
            Assert.True(Sharpness(image, StreetScene.Plate) < Sharpness(original, StreetScene.Plate) * 0.05, "car plate still sharp");
            Assert.Equal(0, ChangedOutside(original, image, regions));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_frame_that_is_not_8_bit_BGR_is_refused_naming_its_type()
    {
        using var gray = new Mat(10, 10, MatType.CV_8UC1);
        using var blur = new PrivacyBlur();
        var error = Assert.Throws<ArgumentException>(() => blur.Apply(gray, []));
        Assert.Contains("8-bit BGR", error.Message);
    }

    internal static double Sharpness(Mat image, Rect area)
    {
        using var roi = new Mat(image, area);
        using var gray = new Mat();
        Cv2.CvtColor(roi, gray, ColorConversionCodes.BGR2GRAY);
        using var lap = new Mat();
        Cv2.Laplacian(gray, lap, MatType.CV_64F);
        Cv2.MeanStdDev(lap, out _, out var std);
        return std.Val0 * std.Val0;
    }

    private static int ChangedOutside(Mat original, Mat image, IReadOnlyList<PrivacyRegion> regions)
    {
        using var mask = new Mat(original.Size(), MatType.CV_8UC1, Scalar.All(255));
        foreach (var r in regions)
        {
            mask[r.Area].SetTo(Scalar.All(0));
        }

        using var diff = new Mat();
        Cv2.Absdiff(original, image, diff);
        using var gray = new Mat();
        Cv2.CvtColor(diff, gray, ColorConversionCodes.BGR2GRAY);
        using var outside = new Mat();
        Cv2.BitwiseAnd(gray, mask, outside);
        return Cv2.CountNonZero(outside);
    }

    private static bool Covers(Rect outer, Rect inner) => (outer & inner) == inner;
}
