using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgeCity.Node.Hosting;

/// <summary>
/// HTTPS for the operator API and dashboard with the site's own certificate: <c>EdgeCity:Http:Certificate</c> (PEM
/// certificate, its chain after it) and <c>EdgeCity:Http:CertificateKey</c> (PEM private key), used for every
/// <c>https://</c> address in <c>EdgeCity:Http:Urls</c>. The node certificate the site CA issued for the cluster serves.
/// A bad file, or an https address without a certificate, stops the node at start naming the key.
/// </summary>
public static class HttpsCertificate
{
    public const string CertificateKey = "EdgeCity:Http:Certificate";

    public const string PrivateKeyKey = "EdgeCity:Http:CertificateKey";

    /// <summary>The certificate to serve HTTPS with, or null when none is configured and no address needs one.</summary>
    public static X509Certificate2? Load(IConfiguration configuration, string urls)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var certificate = configuration[CertificateKey];
        var key = configuration[PrivateKeyKey];
        var wantsHttps = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        if (string.IsNullOrWhiteSpace(certificate))
        {
            return wantsHttps
                ? throw new NodeConfigurationException($"EdgeCity:Http:Urls has an https:// address ({urls}) but {CertificateKey} is not set: give the PEM certificate and {PrivateKeyKey} its key (the node certificate the site CA issued serves)")
                : null;
        }

        if (string.IsNullOrWhiteSpace(key))
        {
            throw new NodeConfigurationException($"{CertificateKey} is set but {PrivateKeyKey} (its PEM private key) is not");
        }

        foreach (var (name, path) in new[] { (CertificateKey, certificate), (PrivateKeyKey, key) })
        {
            if (!File.Exists(path))
            {
                throw new NodeConfigurationException($"{name}: {Path.GetFullPath(path)}: no such file");
            }
        }

        try
        {
            return X509Certificate2.CreateFromPemFile(certificate, key);
        }
        catch (CryptographicException e)
        {
            throw new NodeConfigurationException($"{CertificateKey} / {PrivateKeyKey}: not a PEM certificate and its key ({e.Message})");
        }
    }
}
