using EdgeCity.Domain.Assessment;

namespace EdgeCity.Domain.Tests.Assessment;

public sealed class TelemetrySpec
{
    private const string DjiSrt = """
        1
        00:00:00,000 --> 00:00:00,033
        <font size="28">FrameCnt: 1, DiffTime: 33ms
        2026-12-05 08:00:00.000
        [iso: 100] [shutter: 1/1000.0] [fnum: 2.8] [ev: 0] [focal_len: 24.00] [latitude: 46.000000] [longitude: 7.000000] [rel_alt: 50.000 abs_alt: 1250.000] [gb_yaw: 90.0 gb_pitch: -90.0 gb_roll: 0.0] </font>

        2
        00:00:01,000 --> 00:00:01,033
        <font size="28">FrameCnt: 31, DiffTime: 33ms
        2026-12-05 08:00:01.000
        [iso: 100] [focal_len: 24.00] [latitude: 46.000100] [longitude: 7.000000] [rel_alt: 60.000 abs_alt: 1260.000] [gb_yaw: 90.0 gb_pitch: -90.0 gb_roll: 0.0] </font>

        3
        00:00:02,000 --> 00:00:02,033
        <font size="28">FrameCnt: 61, DiffTime: 33ms
        [latitude: 0.000000] [longitude: 0.000000] [rel_alt: 0.000 abs_alt: 0.000] </font>
        """;

    [Fact]
    public void A_dji_srt_track_gives_the_pose_between_two_blocks_by_interpolation()
    {
        var (track, skipped) = SrtTelemetry.Parse(DjiSrt, "DJI_0001.SRT");

        var pose = track.PoseAt(TimeSpan.FromSeconds(0.5), null)!;

        Assert.Equal(2, track.Count);
        Assert.Equal(1, skipped);
        Assert.Equal(46.00005, pose.Position!.Value.Latitude, 9);
        Assert.Equal(55.0, pose.HeightAboveGroundMeters!.Value, 6);
        Assert.Equal(-90.0, pose.PitchDegrees);
        Assert.Equal(90.0, pose.HeadingDegrees);
        Assert.Equal(73.74, pose.HorizontalFovDegrees!.Value, 2);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 8, 0, 0, 500, TimeSpan.Zero), pose.Time);
    }

    [Fact]
    public void The_older_dji_gps_form_is_read_as_longitude_latitude_altitude()
    {
        var (track, _) = SrtTelemetry.Parse("1\n00:00:00,000 --> 00:00:01,000\nHOME(7.0,46.0) 2016.07.01 12:00:00\nGPS(7.1234,46.5678,420) BAROMETER:35.2\n", "old.srt");

        var pose = track.PoseAt(TimeSpan.Zero, null)!;

        Assert.Equal(46.5678, pose.Position!.Value.Latitude, 6);
        Assert.Equal(7.1234, pose.Position.Value.Longitude, 6);
        Assert.Equal(35.2, pose.HeightAboveGroundMeters);
    }

    [Fact]
    public void A_moment_far_from_any_sample_has_no_pose()
    {
        var (track, _) = SrtTelemetry.Parse(DjiSrt, "DJI_0001.SRT");

        Assert.Null(track.PoseAt(TimeSpan.FromSeconds(60), null));
    }

    [Fact]
    public void A_gpx_track_places_a_wall_clock_moment_and_skips_points_without_time()
    {
        const string gpx = """
            <?xml version="1.0"?>
            <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
              <trk><trkseg>
                <trkpt lat="46.0" lon="7.0"><ele>500</ele><time>2026-12-05T08:00:00Z</time></trkpt>
                <trkpt lat="46.0" lon="7.002"><ele>510</ele><time>2026-12-05T08:00:04Z</time></trkpt>
                <trkpt lat="46.1" lon="7.1"></trkpt>
              </trkseg></trk>
            </gpx>
            """;

        var (track, skipped) = GpxTrack.Parse(gpx, "walk.gpx");
        var pose = track.PoseAt(TimeSpan.Zero, new DateTimeOffset(2026, 12, 5, 8, 0, 1, TimeSpan.Zero))!;

        Assert.Equal(1, skipped);
        Assert.Equal(7.0005, pose.Position!.Value.Longitude, 9);
        Assert.Equal(502.5, pose.Position.Value.AltitudeMeters!.Value, 6);
    }

    [Fact]
    public void A_file_that_is_not_gpx_is_refused_with_its_name()
    {
        var e = Assert.Throws<FormatException>(() => GpxTrack.Parse("<kml/>", "walk.gpx"));
        Assert.Contains("walk.gpx", e.Message, StringComparison.Ordinal);
    }
}
