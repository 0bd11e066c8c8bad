namespace EdgeCity.Domain.Geometry;

/// <summary>A point in a plane: image pixels or road-plane metres, depending on where it comes from.</summary>
public readonly record struct Point2(double X, double Y)
{
    public static Point2 operator +(Point2 a, Point2 b) => new(a.X + b.X, a.Y + b.Y);

    public static Point2 operator -(Point2 a, Point2 b) => new(a.X - b.X, a.Y - b.Y);

    public static Point2 operator *(Point2 a, double k) => new(a.X * k, a.Y * k);

    /// <summary>Euclidean distance to another point.</summary>
    public double DistanceTo(Point2 other) => Math.Sqrt(((X - other.X) * (X - other.X)) + ((Y - other.Y) * (Y - other.Y)));

    /// <summary>z component of the cross product (a - this) × (b - this): its sign tells the side of a line.</summary>
    public double Cross(Point2 a, Point2 b) => ((a.X - X) * (b.Y - Y)) - ((a.Y - Y) * (b.X - X));
}
