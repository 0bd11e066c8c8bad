namespace EdgeCity.Domain.Geometry;

/// <summary>An axis-aligned box in pixels, stored as left, top, right, bottom.</summary>
public readonly record struct BoxF(float Left, float Top, float Right, float Bottom)
{
    public float Width => Right - Left;

    public float Height => Bottom - Top;

    public float Area => Width > 0 && Height > 0 ? Width * Height : 0f;

    public Point2 Center => new((Left + Right) / 2.0, (Top + Bottom) / 2.0);

    /// <summary>The middle of the bottom edge: where a vehicle touches the road in a camera image.</summary>
    public Point2 BottomCenter => new((Left + Right) / 2.0, Bottom);

    /// <summary>Builds a box from its centre and size, the form most detector heads emit.</summary>
    public static BoxF FromCenter(float cx, float cy, float w, float h) => new(cx - (w / 2f), cy - (h / 2f), cx + (w / 2f), cy + (h / 2f));

    /// <summary>
    /// Whether this box, of a vehicle standing nearer the camera, hides an image point: the point lies inside it and
    /// the box's bottom edge (where that vehicle meets the road) is more than <paramref name="nearerBy"/> pixels lower.
    /// </summary>
    public bool Hides(Point2 point, double nearerBy) =>
        Bottom > point.Y + nearerBy && point.X > Left && point.X < Right && point.Y > Top;

    /// <summary>Intersection over union; 0 when the boxes do not overlap.</summary>
    public float IoU(BoxF other)
    {
        var iw = Math.Min(Right, other.Right) - Math.Max(Left, other.Left);
        var ih = Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top);
        if (iw <= 0 || ih <= 0)
        {
            return 0f;
        }

        var inter = iw * ih;
        return inter / (Area + other.Area - inter);
    }
}
