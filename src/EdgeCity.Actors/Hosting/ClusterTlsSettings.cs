namespace EdgeCity.Actors.Hosting;

/// <summary>Certificates for Akka.Remote over mutual TLS: bound under <c>EdgeCity:Cluster:Tls</c>.</summary>
public sealed class ClusterTlsSettings
{
    /// <summary>This node's certificate: a PKCS#12 file (<c>.pfx</c>/<c>.p12</c>) or a PEM certificate with <see cref="KeyPath"/>. Empty: TLS off.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key of the certificate when <see cref="CertificatePath"/> is a PEM file.</summary>
    public string? KeyPath { get; set; }

    /// <summary>Password of the PKCS#12 file, if any.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>PEM certificate of the site's own CA: a peer's certificate must chain to it (checked on both ends of every connection).</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>True when a certificate is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);
}
