using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EdgeCity.Testing;

namespace EdgeCity.Node.Tests.Cli;

/// <summary>The operator API and dashboard over HTTPS with the site's certificate (PEM files), and a clear stop without one.</summary>
public sealed class HttpsSpec : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("edgecity-https-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Site => Path.Combine(RepositoryRoot.FullName, "models", "testdata", "real", "site.json");

    [Fact]
    public async Task The_node_serves_https_with_the_configured_certificate()
    {
        // A certificate as a site CA would issue one for this box (self-signed here), written as PEM files.
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=edgecity-box-1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var certPath = Path.Combine(_folder, "box.crt");
        var keyPath = Path.Combine(_folder, "box.key");
        await File.WriteAllTextAsync(certPath, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(keyPath, rsa.ExportPkcs8PrivateKeyPem());

        using var node = NodeProcess.Start(
            new Dictionary<string, string>
            {
                ["EdgeCity__Http__Urls"] = "https://127.0.0.1:0",
                ["EdgeCity__Http__Certificate"] = certPath,
                ["EdgeCity__Http__CertificateKey"] = keyPath,
                ["EdgeCity__Cameras__ModelsDirectory"] = Path.Combine(RepositoryRoot.FullName, "models"),
            },
            "run", "--site", Site);
        var listening = await node.WaitForOutputAsync("Now listening on: https://", TimeSpan.FromSeconds(60));

        // The client trusts exactly this certificate, as an operator's browser trusts the site CA.
        string? served = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) =>
            {
                served = cert?.Thumbprint;
                return cert?.Thumbprint == certificate.Thumbprint;
            },
        };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(listening["Now listening on: ".Length..].Trim()) };
        var live = await http.GetAsync("/healthz/live");

        Assert.Equal(System.Net.HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(certificate.Thumbprint, served);
    }

    [Fact]
    public async Task An_https_address_without_a_certificate_stops_the_node_naming_the_key()
    {
        using var node = NodeProcess.Start(new Dictionary<string, string> { ["EdgeCity__Http__Urls"] = "https://127.0.0.1:0" }, "run", "--site", Site);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.Process.WaitForExitAsync(cts.Token);
        node.Process.WaitForExit();

        Assert.Equal(2, node.Process.ExitCode);
        Assert.Contains("EdgeCity:Http:Certificate is not set", node.Output);
    }
}
