namespace EdgeCity.Domain.Assessment;

/// <summary>A tile classifier's input: tensor name, size, channel order (rgb or bgr) and the scale applied to 0-255 values.</summary>
public sealed record DamageModelInput
{
    public string Name { get; init; } = string.Empty;

    public int Width { get; init; }

    public int Height { get; init; }

    public string Color { get; init; } = "rgb";

    public double Scale { get; init; } = 1.0;
}
