using EdgeCity.Domain.Calibration;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Sites;

/// <summary>Checks a camera's pose, calibration, count lines and zones, naming the offending field by its JSON path.</summary>
internal static class SiteCameraValidator
{
    public static void Validate(CameraDefinition cam, string at, IReadOnlySet<string>? approaches, List<SiteError> errors)
    {
        if (cam.Pose is { } pose)
        {
            ValidatePose(pose, $"{at}.pose", errors);
        }

        if (cam.Calibration is { } calibration)
        {
            ValidateCalibration(calibration, $"{at}.calibration", errors);
        }
        else if (cam.Zones.Count > 0)
        {
            // Counting needs only the image; queues are metres of lane.
            errors.Add(new($"{at}.calibration", "is required when the camera has zones (queues are measured in metres); a camera without one can only count"));
        }

        var lineIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < cam.CountLines.Count; i++)
        {
            var line = cam.CountLines[i];
            var lAt = $"{at}.countLines[{i}]";
            if (string.IsNullOrWhiteSpace(line.Id))
            {
                errors.Add(new($"{lAt}.id", "is required"));
            }
            else if (!lineIds.Add(line.Id))
            {
                errors.Add(new($"{lAt}.id", $"duplicate count line id '{line.Id}' on camera '{cam.Id}'"));
            }

            if (approaches is not null && !approaches.Contains(line.Approach))
            {
                errors.Add(new($"{lAt}.approach", $"names unknown approach '{line.Approach}' of intersection '{cam.Intersection}'"));
            }

            var from = Pixel(line.From, $"{lAt}.from", cam.Pose, errors);
            var to = Pixel(line.To, $"{lAt}.to", cam.Pose, errors);
            if (from is { } a && to is { } b && a.DistanceTo(b) < 2)
            {
                errors.Add(new($"{lAt}.to", "is less than 2 pixels from 'from': a count line needs a length"));
            }

            if (!CountLineAnchors.TryParse(line.Anchor, out _))
            {
                errors.Add(new($"{lAt}.anchor", $"unknown anchor '{line.Anchor}' (known: {string.Join(", ", CountLineAnchors.ByName.Keys)})"));
            }

            foreach (var (name, field) in new[] { (line.In, "in"), (line.Out, "out") })
            {
                if (name is not null && string.IsNullOrWhiteSpace(name))
                {
                    errors.Add(new($"{lAt}.{field}", "names a direction and must not be empty (leave it out to call it '" + field + "')"));
                }
            }

            if (line.In is { Length: > 0 } inName && string.Equals(inName, line.Out, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new($"{lAt}.out", $"is '{line.Out}', the same as 'in': the two directions need different names"));
            }
        }

        var zoneIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < cam.Zones.Count; i++)
        {
            var zone = cam.Zones[i];
            var zAt = $"{at}.zones[{i}]";
            if (string.IsNullOrWhiteSpace(zone.Id))
            {
                errors.Add(new($"{zAt}.id", "is required"));
            }
            else if (!zoneIds.Add(zone.Id))
            {
                errors.Add(new($"{zAt}.id", $"duplicate zone id '{zone.Id}' on camera '{cam.Id}'"));
            }

            if (string.IsNullOrWhiteSpace(zone.Lane))
            {
                errors.Add(new($"{zAt}.lane", "is required"));
            }

            if (zone.Polygon.Count < 3)
            {
                errors.Add(new($"{zAt}.polygon", $"needs at least 3 points, has {zone.Polygon.Count}"));
            }

            for (var p = 0; p < zone.Polygon.Count; p++)
            {
                Pixel(zone.Polygon[p], $"{zAt}.polygon[{p}]", cam.Pose, errors);
            }
        }
    }

    private static void ValidatePose(CameraPoseDefinition pose, string at, List<SiteError> errors)
    {
        if (!double.IsFinite(pose.X) || !double.IsFinite(pose.Y))
        {
            errors.Add(new($"{at}.x", "position must be finite"));
        }

        if (pose.ImageWidth is < 16 or > 8192)
        {
            errors.Add(new($"{at}.imageWidth", $"must be in [16, 8192], was {pose.ImageWidth}"));
        }

        if (pose.ImageHeight is < 16 or > 8192)
        {
            errors.Add(new($"{at}.imageHeight", $"must be in [16, 8192], was {pose.ImageHeight}"));
        }

        if (pose.TopDown)
        {
            if (!(pose.MetersPerPixel is > 0 and <= 10))
            {
                errors.Add(new($"{at}.metersPerPixel", $"must be in (0, 10], was {pose.MetersPerPixel}"));
            }

            return;
        }

        if (!(pose.Height is > 0.5 and <= 100))
        {
            errors.Add(new($"{at}.height", $"must be in (0.5, 100] metres, was {pose.Height}"));
        }

        if (!(pose.Tilt is > 0 and <= 90))
        {
            errors.Add(new($"{at}.tilt", $"must be in (0, 90] degrees below the horizon, was {pose.Tilt}"));
        }

        if (!(pose.Fov is >= 10 and <= 150))
        {
            errors.Add(new($"{at}.fov", $"must be in [10, 150] degrees, was {pose.Fov}"));
        }
    }

    private static void ValidateCalibration(CalibrationDefinition c, string at, List<SiteError> errors)
    {
        if ((c.Homography is null) == (c.Points is null))
        {
            errors.Add(new(at, "give either 'homography' (9 numbers) or 'points' (4 or more image/road pairs), not both or neither"));
            return;
        }

        if (c.Homography is { } h)
        {
            if (h.Count != 9 || h.Any(v => !double.IsFinite(v)))
            {
                errors.Add(new($"{at}.homography", $"must be 9 finite numbers (row-major 3×3), has {h.Count}"));
            }
            else
            {
                try
                {
                    Homography.FromMatrix(h);
                }
                catch (ArgumentException ex)
                {
                    errors.Add(new($"{at}.homography", ex.Message));
                }
            }

            return;
        }

        var points = c.Points!;
        if (points.Count < 4)
        {
            errors.Add(new($"{at}.points", $"needs at least 4 image/road pairs, has {points.Count}"));
            return;
        }

        var ok = true;
        for (var i = 0; i < points.Count; i++)
        {
            ok &= Pair(points[i].Image, $"{at}.points[{i}].image", errors) is not null;
            ok &= Pair(points[i].Road, $"{at}.points[{i}].road", errors) is not null;
        }

        if (ok)
        {
            try
            {
                Homography.Estimate(points.Select(p => new PointCorrespondence(new Point2(p.Image[0], p.Image[1]), new Point2(p.Road[0], p.Road[1]))).ToList());
            }
            catch (ArgumentException ex)
            {
                errors.Add(new($"{at}.points", ex.Message));
            }
        }
    }

    private static Point2? Pixel(IReadOnlyList<double> xy, string at, CameraPoseDefinition? pose, List<SiteError> errors)
    {
        var p = Pair(xy, at, errors);
        if (p is { } q && pose is not null && (q.X < 0 || q.Y < 0 || q.X > pose.ImageWidth || q.Y > pose.ImageHeight))
        {
            errors.Add(new(at, $"({q.X}, {q.Y}) lies outside the {pose.ImageWidth}×{pose.ImageHeight} image"));
            return null;
        }

        return p;
    }

    private static Point2? Pair(IReadOnlyList<double> xy, string at, List<SiteError> errors)
    {
        if (xy.Count != 2 || !double.IsFinite(xy[0]) || !double.IsFinite(xy[1]))
        {
            errors.Add(new(at, $"must be a point [x, y], has {xy.Count} numbers"));
            return null;
        }

        return new Point2(xy[0], xy[1]);
    }
}
