using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgeCity.Actors.Tests.Cluster;

/// <summary>A throw-away site CA and node certificates on disk, made the way the README's openssl recipe makes them.</summary>
internal sealed class TestCertificates : IDisposable
{
    private int _serial = 1;

    public TestCertificates(string caName)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("edgecity-tls-").FullName;
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={caName}, O=EdgeCity", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddDays(60));
        CaPath = Path.Combine(Directory, "site-ca.crt");
        File.WriteAllText(CaPath, Ca.ExportCertificatePem());
    }

    public string Directory { get; }

    public X509Certificate2 Ca { get; }

    public string CaPath { get; }

    /// <summary>Issues a node certificate (server and client authentication) and writes it as a PKCS#12 file; returns its path.</summary>
    public string IssuePfx(string nodeName, string password = "box-secret")
    {
        var (certificate, _) = Issue(nodeName);
        var path = Path.Combine(Directory, nodeName + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    /// <summary>Issues a node certificate and writes it as PEM certificate + PEM key; returns both paths.</summary>
    public (string Certificate, string Key) IssuePem(string nodeName)
    {
        var (certificate, key) = Issue(nodeName);
        var certPath = Path.Combine(Directory, nodeName + ".crt");
        var keyPath = Path.Combine(Directory, nodeName + ".key");
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certPath, keyPath);
    }

    public void Dispose()
    {
        Ca.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private (X509Certificate2 Certificate, RSA Key) Issue(string nodeName)
    {
        var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={nodeName}, O=EdgeCity", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(nodeName);
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        var serial = BitConverter.GetBytes(Interlocked.Increment(ref _serial));
        using var issued = request.Create(Ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), serial);
        return (issued.CopyWithPrivateKey(key), key);
    }
}
