using System.Security.Cryptography.X509Certificates;
using Akka.Event;
using Akka.Remote.Transport.DotNetty;
using Prometheus;

namespace EdgeCity.Actors.Cluster;

/// <summary>Accepts a TLS peer only if its certificate chains to the site's own CA; Akka.Remote runs it on both ends of every connection.</summary>
/// <remarks>
/// The site CA is trusted on its own (custom root trust), not through the operating system's store: a certificate from a
/// public CA, or from another site, is refused, and no box needs its CA installed system-wide.
/// </remarks>
public static class SiteCertificateValidator
{
    private static readonly Counter Refused = Metrics.CreateCounter(
        "edgecity_cluster_tls_refused_total",
        "TLS peers (inbound or outbound) refused because their certificate is missing or not issued by the site CA.");

    /// <summary>Peers refused so far by this process.</summary>
    public static double RefusedCount => Refused.Value;

    /// <summary>A validation callback that accepts certificates issued (directly or through intermediates) by <paramref name="siteCa"/>.</summary>
    public static CertificateValidationCallback ChainsTo(X509Certificate2 siteCa) =>
        (certificate, presentedChain, remotePeer, _, log) =>
        {
            if (certificate is null)
            {
                log?.Warning("TLS peer {0} refused: it presented no certificate", remotePeer);
                Refused.Inc();
                return false;
            }

            var reason = Check(certificate, presentedChain, siteCa);
            if (reason is not null)
            {
                log?.Warning("TLS peer {0} refused: certificate '{1}' {2}", remotePeer, certificate.Subject, reason);
                Refused.Inc();
                return false;
            }

            return true;
        };

    /// <summary>Returns null when <paramref name="certificate"/> chains to <paramref name="siteCa"/>, otherwise why not.</summary>
    public static string? Check(X509Certificate2 certificate, X509Chain? presentedChain, X509Certificate2 siteCa)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(siteCa);
        // Boxes on an isolated street network cannot reach a CRL or OCSP responder; revocation is by re-issuing the site CA.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presentedChain is not null)
        {
            foreach (var element in presentedChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        if (!chain.Build(certificate))
        {
            var status = string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
            return $"does not chain to the site CA '{siteCa.Subject}' ({status})";
        }

        var root = chain.ChainElements[^1].Certificate;
        return root.Thumbprint == siteCa.Thumbprint ? null : $"chains to '{root.Subject}', not to the site CA '{siteCa.Subject}'";
    }
}
