using System.Globalization;
using EdgeCity.Domain.Assessment;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Xmp;

namespace EdgeCity.Vision.Assessment;

/// <summary>
/// Reads where and how a photo was taken from its metadata (MetadataExtractor): EXIF GPS position, altitude and image
/// direction, the capture time (GPS time is UTC; DateTimeOriginal with its OffsetTimeOriginal, else taken as UTC), the
/// 35 mm-equivalent focal length, and a drone's XMP (DJI's RelativeAltitude, GimbalPitchDegree, GimbalYawDegree). A
/// photo without metadata is no error: its pose is <see cref="ImagePose.Unknown"/> and its findings say so.
/// </summary>
public static class PhotoMetadata
{
    public static ImagePose Read(string path)
    {
        using var file = File.OpenRead(path);
        return Read(file);
    }

    /// <summary>Reads the pose from an image already in memory (the assessment reads each photo once).</summary>
    public static ImagePose Read(Stream image)
    {
        IReadOnlyList<MetadataExtractor.Directory> directories;
        try
        {
            directories = ImageMetadataReader.ReadMetadata(image);
        }
        catch (ImageProcessingException)
        {
            return ImagePose.Unknown;
        }

        var gps = directories.OfType<GpsDirectory>().FirstOrDefault();
        var exif = directories.OfType<ExifSubIfdDirectory>().FirstOrDefault();
        var xmp = directories.OfType<XmpDirectory>().FirstOrDefault()?.GetXmpProperties() ?? new Dictionary<string, string>();

        GeoPoint? position = null;
        if (gps?.GetGeoLocation() is { IsZero: false } at && at.Latitude is >= -90 and <= 90 && at.Longitude is >= -180 and <= 180)
        {
            double? altitude = gps.TryGetRational(GpsDirectory.TagAltitude, out var alt) ? alt.ToDouble() : null;
            if (altitude is not null && gps.TryGetInt32(GpsDirectory.TagAltitudeRef, out var below) && below == 1)
            {
                altitude = -altitude;
            }

            position = new GeoPoint(at.Latitude, at.Longitude, altitude);
        }

        double? heading = Xmp(xmp, "GimbalYawDegree") ?? Xmp(xmp, "FlightYawDegree")
            ?? (gps is not null && gps.TryGetRational(GpsDirectory.TagImgDirection, out var dir) ? dir.ToDouble() : null);
        double? focal35 = exif is not null && exif.TryGetInt32(ExifDirectoryBase.Tag35MMFilmEquivFocalLength, out var f35) && f35 > 0 ? f35 : null;
        return new ImagePose(position, TimeOf(gps, exif), Xmp(xmp, "RelativeAltitude"), heading, Xmp(xmp, "GimbalPitchDegree"), ImagePose.FovFrom35mmFocalLength(focal35));
    }

    private static DateTimeOffset? TimeOf(GpsDirectory? gps, ExifSubIfdDirectory? exif)
    {
        if (gps is not null && gps.TryGetGpsDate(out var utc))
        {
            return new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        }

        if (exif is null || !exif.TryGetDateTime(ExifDirectoryBase.TagDateTimeOriginal, out var local))
        {
            return null;
        }

        var offsetText = exif.GetString(ExifDirectoryBase.TagTimeZoneOriginal);
        var offset = offsetText is not null && TimeSpan.TryParseExact(offsetText.TrimStart('+'), @"hh\:mm", CultureInfo.InvariantCulture, out var o)
            ? (offsetText.StartsWith('-') ? -o : o)
            : TimeSpan.Zero;
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
    }

    private static double? Xmp(IDictionary<string, string> properties, string name)
    {
        foreach (var (key, value) in properties)
        {
            if (key.EndsWith(":" + name, StringComparison.Ordinal)
                && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
            {
                return v;
            }
        }

        return null;
    }
}
