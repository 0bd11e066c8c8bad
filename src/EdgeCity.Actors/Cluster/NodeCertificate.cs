using System.Security.Cryptography.X509Certificates;
using EdgeCity.Actors.Hosting;

namespace EdgeCity.Actors.Cluster;

/// <summary>Loads this node's TLS certificate and the site CA from the files named in <see cref="ClusterTlsSettings"/>.</summary>
public static class NodeCertificate
{
    /// <summary>Loads the node certificate (PKCS#12, or PEM certificate + key); errors name the setting and the file.</summary>
    public static X509Certificate2 Load(ClusterTlsSettings tls)
    {
        var path = tls.CertificatePath ?? throw new InvalidOperationException("EdgeCity:Cluster:Tls:CertificatePath is not set.");
        Require(path, "EdgeCity:Cluster:Tls:CertificatePath");
        X509Certificate2 certificate;
        try
        {
            if (path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase))
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, tls.CertificatePassword);
            }
            else
            {
                var key = tls.KeyPath ?? throw new InvalidOperationException($"EdgeCity:Cluster:Tls:KeyPath is required with the PEM certificate {path}.");
                Require(key, "EdgeCity:Cluster:Tls:KeyPath");
                certificate = X509Certificate2.CreateFromPemFile(path, key);
            }
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new InvalidOperationException($"EdgeCity:Cluster:Tls: cannot load the certificate {path}: {ex.Message}", ex);
        }

        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"EdgeCity:Cluster:Tls:CertificatePath {path} has no private key; a node must prove it owns its certificate.");
    }

    /// <summary>Loads the site CA certificate (PEM or DER).</summary>
    public static X509Certificate2 LoadSiteCa(ClusterTlsSettings tls)
    {
        var path = tls.CaCertificatePath;
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException("EdgeCity:Cluster:Tls:CaCertificatePath is required with TLS: peers are accepted only if their certificate chains to the site CA.");
        }

        Require(path, "EdgeCity:Cluster:Tls:CaCertificatePath");
        try
        {
            return X509CertificateLoader.LoadCertificateFromFile(path);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new InvalidOperationException($"EdgeCity:Cluster:Tls:CaCertificatePath: cannot load {path}: {ex.Message}", ex);
        }
    }

    private static void Require(string path, string setting)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{setting}: file {path} does not exist.", path);
        }
    }
}
