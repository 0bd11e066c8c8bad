using EdgeCity.Domain.Sites;

namespace EdgeCity.Domain.Tests.Sites;

public sealed class SiteFileSpec
{
    private const string Valid = """
        {
          // comments are allowed: operators annotate their sites
          "name": "main-street",
          "intersections": [
            { "id": "J1", "controller": "fixed", "approaches": [ { "id": "N", "lanes": 2 }, { "id": "S" } ] }
          ],
          "cameras": [
            { "id": "cam-1", "source": "rtsp://10.0.0.5/stream", "intersection": "J1", "approach": "N", "maxFps": 10 }
          ]
        }
        """;

    [Fact]
    public void A_valid_site_parses_with_defaults_filled_in()
    {
        var result = SiteFile.Parse(Valid, "site.json");

        Assert.True(result.IsValid, result.Describe());
        var site = result.Site!;
        Assert.Equal("main-street", site.Name);
        Assert.Equal(2, site.Intersections[0].Approaches[0].Lanes);
        Assert.Equal(1, site.Intersections[0].Approaches[1].Lanes);
        Assert.Equal("nanodet-m-416", site.Cameras[0].Model); // a real camera (no twin): the real-footage default
        Assert.Equal(10, site.Cameras[0].MaxFps);
    }

    [Fact]
    public void A_twin_sites_cameras_default_to_the_model_trained_on_the_twin_and_a_named_model_is_kept()
    {
        var twin = Valid.Replace("\"intersections\"", "\"twin\": { \"net\": \"n.net.xml\" },\n  \"intersections\"", StringComparison.Ordinal)
            .Replace("\"controller\": \"fixed\"", "\"controller\": \"fixed\", \"sumoTls\": \"J1\"", StringComparison.Ordinal);
        var named = Valid.Replace("\"maxFps\": 10", "\"maxFps\": 10, \"model\": \"my-model\"", StringComparison.Ordinal);

        var twinSite = SiteFile.Parse(twin, "site.json");

        Assert.True(twinSite.IsValid, twinSite.Describe());
        Assert.Equal("edgecity-vehicles", twinSite.Site!.Cameras[0].Model);
        Assert.Equal("my-model", SiteFile.Parse(named, "site.json").Site!.Cameras[0].Model);
    }

    [Theory]
    [InlineData("fixed")]
    [InlineData("actuated")]
    [InlineData("webster")]
    [InlineData("max-pressure")]
    [InlineData("schedule")]
    public void Every_controller_the_node_builds_can_be_chosen_per_intersection(string controller)
    {
        var result = SiteFile.Parse(Valid.Replace("\"controller\": \"fixed\"", $"\"controller\": \"{controller}\"", StringComparison.Ordinal), "site.json");

        Assert.True(result.IsValid, result.Describe());
        Assert.Equal(controller, result.Site!.Intersections[0].Controller);
    }

    [Fact]
    public void An_unknown_field_is_an_error_naming_that_field()
    {
        var result = SiteFile.Parse(Valid.Replace("\"lanes\": 2", "\"lane\": 2"), "site.json");

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Contains("lane", error.Message + error.Path);
        Assert.Contains("site.json", result.Describe());
    }

    [Fact]
    public void Malformed_json_reports_the_line()
    {
        var result = SiteFile.Parse("{\n  \"name\": \"x\",\n  \"intersections\": [ oops ]\n}", "bad.json");

        Assert.False(result.IsValid);
        Assert.Contains("line 3", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void A_camera_on_an_unknown_approach_is_named_by_its_path()
    {
        var result = SiteFile.Parse(Valid.Replace("\"approach\": \"N\"", "\"approach\": \"E\""), "site.json");

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.cameras[0].approach", error.Path);
        Assert.Contains("'E'", error.Message);
    }

    [Fact]
    public void Duplicate_ids_unknown_controllers_and_bad_lane_counts_are_all_reported()
    {
        var site = new SiteDefinition
        {
            Name = "s",
            Intersections =
            [
                new IntersectionDefinition { Id = "J1", Controller = "magic", Approaches = [new ApproachDefinition { Id = "N", Lanes = 0 }] },
                new IntersectionDefinition { Id = "J1" },
            ],
        };

        var paths = SiteValidator.Validate(site).Select(e => e.Path).ToArray();

        Assert.Equal(["$.intersections[0].controller", "$.intersections[0].approaches[0].lanes", "$.intersections[1].id"], paths);
    }

    [Fact]
    public void A_count_station_is_cameras_without_intersections_counting_on_their_own_lines()
    {
        var site = new SiteDefinition
        {
            Name = "motorway",
            Cameras =
            [
                new CameraDefinition
                {
                    Id = "cctv", Source = "clip.avi", Approach = "motorway",
                    CountLines = [new CountLineDefinition { Id = "outbound", Approach = "outbound", From = [60, 130], To = [310, 130] }],
                },
            ],
        };

        Assert.Empty(SiteValidator.Validate(site));
    }

    [Fact]
    public void A_count_station_camera_with_zones_but_no_calibration_is_told_it_can_only_count()
    {
        var site = new SiteDefinition
        {
            Name = "motorway",
            Cameras =
            [
                new CameraDefinition
                {
                    Id = "cctv", Source = "clip.avi", Approach = "motorway",
                    Zones = [new ZoneDefinition { Id = "z", Lane = "l", Polygon = [[0, 0], [10, 0], [10, 10]] }],
                },
            ],
        };

        var error = Assert.Single(SiteValidator.Validate(site));

        Assert.Equal("$.cameras[0].calibration", error.Path);
        Assert.Contains("a camera without one can only count", error.Message);
    }

    [Fact]
    public void A_site_keeps_its_time_zone_and_an_unknown_zone_is_named()
    {
        var zoned = SiteFile.Parse(Valid.Replace("\"name\": \"main-street\",", "\"name\": \"main-street\", \"timeZone\": \"Europe/Rome\",", StringComparison.Ordinal), "site.json");
        var wrong = SiteFile.Parse(Valid.Replace("\"name\": \"main-street\",", "\"name\": \"main-street\", \"timeZone\": \"Europe/Romee\",", StringComparison.Ordinal), "site.json");

        Assert.True(zoned.IsValid, zoned.Describe());
        Assert.Equal("Europe/Rome", zoned.Site!.TimeZone);
        Assert.Null(SiteFile.Parse(Valid, "site.json").Site!.TimeZone);
        var error = Assert.Single(wrong.Errors);
        Assert.Equal("$.timeZone", error.Path);
        Assert.Contains("'Europe/Romee' is not a time zone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_count_line_names_its_directions_and_anchor_and_bad_ones_are_named_by_path()
    {
        var named = Valid.Replace("\"maxFps\": 10", "\"maxFps\": 10, \"countLines\": [ { \"id\": \"l\", \"approach\": \"N\", \"from\": [0, 10], \"to\": [100, 10], \"in\": \"northbound\", \"out\": \"southbound\", \"anchor\": \"centre\" } ]", StringComparison.Ordinal);
        var bad = named.Replace("\"centre\"", "\"middle\"", StringComparison.Ordinal).Replace("\"southbound\"", "\"Northbound\"", StringComparison.Ordinal);

        var ok = SiteFile.Parse(named, "site.json");
        var wrong = SiteFile.Parse(bad, "site.json");

        Assert.True(ok.IsValid, ok.Describe());
        var line = ok.Site!.Cameras[0].CountLines[0];
        Assert.Equal(("northbound", "southbound"), (line.DirectionName(true), line.DirectionName(false)));
        Assert.Equal(EdgeCity.Domain.Counting.AnchorPoint.Center, EdgeCity.Domain.Evaluation.SiteCameraSetup.LineOf(line).Anchor);
        Assert.Equal(["$.cameras[0].countLines[0].anchor", "$.cameras[0].countLines[0].out"], wrong.Errors.Select(e => e.Path).Order());
    }

    [Fact]
    public void A_corridor_names_known_intersections_in_travel_order_each_in_one_corridor()
    {
        const string Main = """{ "id": "main", "speedKmh": 50, "members": [ { "intersection": "J1", "metres": 0 }, { "intersection": "J2", "metres": 250, "phase": "p2" }, { "intersection": "J3", "metres": 480 } ] }""";
        const string Bad = """{ "id": "bad", "speedKmh": 0, "members": [ { "intersection": "J3", "metres": 10 }, { "intersection": "J9", "metres": 5 } ] }""";
        static string Site(string corridors) => $$"""
            {
              "name": "arterial",
              "intersections": [ { "id": "J1", "approaches": [ { "id": "W" } ] }, { "id": "J2", "approaches": [ { "id": "W" } ] }, { "id": "J3", "approaches": [ { "id": "W" } ] } ],
              "corridors": [ {{corridors}} ]
            }
            """;

        var good = SiteFile.Parse(Site(Main), "site.json");
        var bad = SiteFile.Parse(Site(Main + ", " + Bad), "site.json");

        Assert.True(good.IsValid, good.Describe());
        var corridor = Assert.Single(good.Site!.Corridors);
        Assert.Equal(["J1", "J2", "J3"], corridor.Members.Select(m => m.Intersection));
        Assert.Equal(13.89, corridor.SpeedMetersPerSecond, 2);
        Assert.Equal("p2", corridor.Members[1].Phase);
        Assert.Equal(
            ["$.corridors[1].members[0].intersection", "$.corridors[1].members[1].intersection", "$.corridors[1].members[1].metres", "$.corridors[1].speedKmh"],
            bad.Errors.Select(e => e.Path).Order());
        Assert.Contains(bad.Errors, e => e.Message.Contains("already in corridor 'main'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_site_with_neither_intersections_nor_cameras_is_refused()
    {
        var error = Assert.Single(SiteValidator.Validate(new SiteDefinition { Name = "empty" }));

        Assert.Equal("$.intersections", error.Path);
    }

    [Fact]
    public void A_clip_beside_the_site_file_is_read_from_there_whatever_the_working_folder()
    {
        var folder = Directory.CreateTempSubdirectory("edgecity-site-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "clip.mp4"), "not really a video");
            File.WriteAllText(Path.Combine(folder, "site.json"), Valid.Replace("rtsp://10.0.0.5/stream", "clip.mp4", StringComparison.Ordinal)
                .Replace("\"maxFps\": 10 }", "\"maxFps\": 10 }, { \"id\": \"cam-2\", \"source\": \"rtsp://10.0.0.6/s\", \"intersection\": \"J1\", \"approach\": \"S\" }", StringComparison.Ordinal));

            var site = SiteFile.Load(Path.Combine(folder, "site.json"));

            Assert.True(site.IsValid, site.Describe());
            Assert.Equal(Path.Combine(folder, "clip.mp4"), site.Site!.Cameras[0].Source);
            Assert.Equal("rtsp://10.0.0.6/s", site.Site.Cameras[1].Source);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_missing_file_names_the_full_path()
    {
        var result = SiteFile.Load("/nonexistent/site.json");

        Assert.Contains("/nonexistent/site.json", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void A_twin_network_or_route_file_that_is_not_there_is_named_with_its_path()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"edgecity-site-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "here.rou.xml"), "<routes/>");
            var path = Path.Combine(folder, "site.json");
            File.WriteAllText(path, """
                { "name": "s", "twin": { "net": "missing.net.xml", "routes": ["here.rou.xml", "gone.rou.xml"] },
                  "intersections": [ { "id": "J1", "sumoTls": "J1", "approaches": [ { "id": "N" } ] } ] }
                """);

            var result = SiteFile.Load(path);

            Assert.False(result.IsValid);
            Assert.Equal(["$.twin.net", "$.twin.routes[1]"], result.Errors.Select(e => e.Path));
            Assert.Equal($"{Path.Combine(folder, "missing.net.xml")}: no such file", result.Errors[0].Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_min_green_above_its_max_is_reported_on_the_min_with_both_values()
    {
        var result = SiteFile.Parse("""
            { "name": "s", "intersections": [ { "id": "J1", "approaches": [ { "id": "N" } ],
              "plan": { "cycleSeconds": 90, "phases": [ { "id": "p0", "greenSeconds": 35, "minGreenSeconds": 40, "maxGreenSeconds": 30 } ] } } ] }
            """, "site.json");

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.intersections[0].plan.phases[0].minGreenSeconds", error.Path);
        Assert.Equal("40 is above maxGreenSeconds 30", error.Message);
    }
}
