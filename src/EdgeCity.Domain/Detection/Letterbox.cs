using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Detection;

/// <summary>
/// How a source frame was fitted into a model input: scaled by one factor (aspect kept) and padded.
/// Boxes go back to source pixels through <see cref="ToSource"/>; getting this wrong is the classic "boxes off" bug.
/// </summary>
public readonly record struct Letterbox(int SourceWidth, int SourceHeight, int InputWidth, int InputHeight, float Scale, int PadX, int PadY)
{
    /// <summary>Width of the resized image inside the input.</summary>
    public int ResizedWidth => Math.Min(InputWidth, (int)MathF.Round(SourceWidth * Scale));

    /// <summary>Height of the resized image inside the input.</summary>
    public int ResizedHeight => Math.Min(InputHeight, (int)MathF.Round(SourceHeight * Scale));

    /// <summary>Fits <paramref name="sourceWidth"/>×<paramref name="sourceHeight"/> into the input, keeping the aspect ratio.</summary>
    public static Letterbox Fit(int sourceWidth, int sourceHeight, int inputWidth, int inputHeight, LetterboxAlignment alignment)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceHeight);
        var scale = Math.Min((float)inputWidth / sourceWidth, (float)inputHeight / sourceHeight);
        var w = Math.Min(inputWidth, (int)MathF.Round(sourceWidth * scale));
        var h = Math.Min(inputHeight, (int)MathF.Round(sourceHeight * scale));
        return alignment == LetterboxAlignment.Center
            ? new Letterbox(sourceWidth, sourceHeight, inputWidth, inputHeight, scale, (inputWidth - w) / 2, (inputHeight - h) / 2)
            : new Letterbox(sourceWidth, sourceHeight, inputWidth, inputHeight, scale, 0, 0);
    }

    /// <summary>Maps a box in model-input pixels to source-frame pixels, clipped to the frame.</summary>
    public BoxF ToSource(BoxF input) => new(
        Math.Clamp((input.Left - PadX) / Scale, 0f, SourceWidth),
        Math.Clamp((input.Top - PadY) / Scale, 0f, SourceHeight),
        Math.Clamp((input.Right - PadX) / Scale, 0f, SourceWidth),
        Math.Clamp((input.Bottom - PadY) / Scale, 0f, SourceHeight));

    /// <summary>Maps a box in source-frame pixels to model-input pixels.</summary>
    public BoxF ToInput(BoxF source) => new(
        (source.Left * Scale) + PadX,
        (source.Top * Scale) + PadY,
        (source.Right * Scale) + PadX,
        (source.Bottom * Scale) + PadY);
}
