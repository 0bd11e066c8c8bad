namespace EdgeCity.Node.Labelling;

/// <summary>What <c>models label</c> and <c>models finetune</c> label with unless told otherwise (chosen by measurement: models/README.md).</summary>
public static class LabellerDefaults
{
    /// <summary>Zoomed tiles, across by down.</summary>
    public const string Tiles = "3x2";
}
