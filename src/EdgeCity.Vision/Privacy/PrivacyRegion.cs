using OpenCvSharp;

namespace EdgeCity.Vision.Privacy;

/// <summary>One rectangle of a frame that was blurred, and why.</summary>
public readonly record struct PrivacyRegion(Rect Area, PrivacyRegionSource Source);
