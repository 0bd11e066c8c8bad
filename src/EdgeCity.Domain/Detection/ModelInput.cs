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

    /// <summary>
    /// Per-channel mean subtracted after scaling, in the model's channel order (NanoDet: 103.53, 116.28, 123.675 in BGR);
    /// empty means 0. A channel's value is (pixel × <see cref="Scale"/> − mean) / std.
    /// </summary>
    public IReadOnlyList<float> Mean { get; init; } = [];

    /// <summary>Per-channel divisor after the mean, in the model's channel order; empty means 1.</summary>
    public IReadOnlyList<float> Std { get; init; } = [];

    /// <summary>The value an 8-bit <paramref name="pixel"/> of model channel <paramref name="channel"/> (0-2) takes in the tensor.</summary>
    public float Normalise(int channel, byte pixel)
    {
        var mean = Mean.Count == 3 ? Mean[channel] : 0f;
        var std = Std.Count == 3 ? Std[channel] : 1f;
        return ((pixel * Scale) - mean) / std;
    }
}
