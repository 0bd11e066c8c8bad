namespace EdgeCity.Domain.Control;

/// <summary>Small queries on <see cref="SignalIndication"/>.</summary>
public static class SignalIndicationExtensions
{
    public static bool IsGreen(this SignalIndication indication) =>
        indication is SignalIndication.Green or SignalIndication.PermissiveGreen;

    /// <summary>SUMO-style one-letter code (G protected green, g permissive, y amber, r red), as the cluster contract and the API use.</summary>
    public static string Code(this SignalIndication indication) => indication switch
    {
        SignalIndication.Green => "G",
        SignalIndication.PermissiveGreen => "g",
        SignalIndication.Yellow => "y",
        _ => "r",
    };
}
