using EdgeCity.Domain.Control;

namespace EdgeCity.Node.Api;

/// <summary>The fallback names the audit log uses: none, recall-stale-approaches, fixed-time.</summary>
public static class FallbackName
{
    public static string Of(FallbackMode mode) => mode switch
    {
        FallbackMode.None => "none",
        FallbackMode.RecallStaleApproaches => "recall-stale-approaches",
        _ => "fixed-time",
    };
}
