namespace EdgeCity.Domain.Detection;

/// <summary>The input a model expects: tensor name, size in pixels, channel order, pixel scaling and letterbox padding.</summary>
public sealed record ModelInput
{
    public string Name { get; init; } = "images";

    public int Width { get; init; } = 640;

    public int Height { get; init; } = 640;

    public ColorOrder Color { get; init; } = ColorOrder.Rgb;

    /// <summary>Each 8-bit pixel value is multiplied by this (1/255 for Ultralytics models, 1 for YOLOX).</summary>
    public float Scale { get; init; } = 1f / 255f;

    /// <summary>Grey level of the letterbox border, before scaling (114 for most YOLO models).</summary>
    public byte PadValue { get; init; } = 114;

    public LetterboxAlignment Alignment { get; init; } = LetterboxAlignment.Center;
}
