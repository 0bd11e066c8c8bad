namespace EdgeCity.Vision.Inference;

/// <summary>One output tensor a detector's decoder reads: its name and its shape for one image (no batch dimension).</summary>
public sealed record ModelOutput(string Name, IReadOnlyList<long> ShapePerImage)
{
    /// <summary>Floats one image takes in this output.</summary>
    public int FloatsPerImage => (int)ShapePerImage.Aggregate(1L, (a, d) => a * d);

    /// <summary>The output's shape for a batch of <paramref name="batch"/> images.</summary>
    public long[] ShapeFor(int batch) => [batch, .. ShapePerImage];
}
