namespace EdgeCity.Domain.Control;

/// <summary>Small queries on <see cref="SignalIndication"/>.</summary>
public static class SignalIndicationExtensions
{
    public static bool IsGreen(this SignalIndication indication) =>
        indication is SignalIndication.Green or SignalIndication.PermissiveGreen;
}
