namespace EdgeCity.Domain.Detection;

/// <summary>Channel order a model expects at its input.</summary>
public enum ColorOrder
{
    Rgb,
    Bgr,
}
