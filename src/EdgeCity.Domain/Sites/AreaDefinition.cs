namespace EdgeCity.Domain.Sites;

/// <summary>A rectangle of the earth in degrees (WGS 84): south-west and north-east corners.</summary>
public sealed record AreaDefinition
{
    public double South { get; init; }

    public double West { get; init; }

    public double North { get; init; }

    public double East { get; init; }
}
