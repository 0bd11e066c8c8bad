using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Detection;

/// <summary>One object a detector found in a frame: its box in source-frame pixels, class and confidence.</summary>
public readonly record struct Detection(BoxF Box, int ClassId, string ClassName, float Score);
