using EdgeCity.Domain.Control;

namespace EdgeCity.Node.Api;

/// <summary>SUMO-style one-letter codes for indications (G protected green, g permissive, y amber, r red), as the cluster contract uses.</summary>
public static class IndicationCode
{
    public static string Of(SignalIndication indication) => indication.Code();
}
