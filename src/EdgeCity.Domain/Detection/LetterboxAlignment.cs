namespace EdgeCity.Domain.Detection;

/// <summary>Where the resized image sits in the padded model input: centred (Ultralytics) or top-left (YOLOX).</summary>
public enum LetterboxAlignment
{
    Center,
    TopLeft,
}
