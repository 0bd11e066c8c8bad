namespace EdgeCity.Domain.Counting;

/// <summary>Which crossing directions a count line counts.</summary>
[Flags]
public enum CountDirections
{
    Forward = 1,
    Backward = 2,
    Both = Forward | Backward,
}
