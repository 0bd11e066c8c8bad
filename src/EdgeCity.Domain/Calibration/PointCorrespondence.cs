using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Calibration;

/// <summary>One surveyed point: where it appears in the image (pixels) and where it lies on the road plane (metres).</summary>
public readonly record struct PointCorrespondence(Point2 Image, Point2 Road);
