using EdgeCity.Domain.Assessment;
using EdgeCity.Vision.Assessment;
using EdgeCity.Vision.Tests.Support;

namespace EdgeCity.Vision.Tests.Assessment;

/// <summary>The committed sample photos carry EXIF GPS and time (and the drone shot DJI XMP), written by make-sample.py.</summary>
public sealed class PhotoMetadataSpec
{
    public static string Sample => Path.Combine(RepoPaths.Root, "models", "testdata", "assessment");

    [Fact]
    public void A_phone_photo_gives_its_exif_position_altitude_and_time()
    {
        var pose = PhotoMetadata.Read(Path.Combine(Sample, "overpass-0001.jpg"));

        Assert.Equal(46.947120, pose.Position!.Value.Latitude, 5);
        Assert.Equal(7.447310, pose.Position.Value.Longitude, 5);
        Assert.Equal(560.0, pose.Position.Value.AltitudeMeters!.Value, 3);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero), pose.Time);
        Assert.Null(pose.HeightAboveGroundMeters);
        Assert.Equal(73.74, pose.HorizontalFovDegrees!.Value, 2);
    }

    [Fact]
    public void A_drone_photo_gives_its_height_above_ground_gimbal_pitch_and_heading_from_xmp()
    {
        var pose = PhotoMetadata.Read(Path.Combine(Sample, "drone-0003.jpg"));

        Assert.Equal(40.0, pose.HeightAboveGroundMeters);
        Assert.Equal(-90.0, pose.PitchDegrees);
        Assert.Equal(90.0, pose.HeadingDegrees);
        Assert.Equal(PositionSource.Projected, GroundProjection.Locate(pose, 960, 540, new Domain.Geometry.Point2(0, 0)).Source);
    }

    [Fact]
    public void A_photo_without_metadata_or_no_image_at_all_has_an_unknown_pose()
    {
        var dir = Directory.CreateTempSubdirectory("ec-meta-");
        try
        {
            var text = Path.Combine(dir.FullName, "notes.jpg");
            File.WriteAllText(text, "not an image");

            Assert.Same(ImagePose.Unknown, PhotoMetadata.Read(text));
            Assert.Null(PhotoMetadata.Read(Path.Combine(RepoPaths.Root, "models", "testdata", "real-boxes", "images", "motorway-overpass-f060.jpg")).Position);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
