namespace EdgeCity.Domain.Counting;

/// <summary>Width and height of a camera picture in pixels.</summary>
public readonly record struct FrameSize(int Width, int Height);
