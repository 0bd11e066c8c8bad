using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using EdgeCity.Actors.Cluster;
using EdgeCity.Actors.Hosting;

namespace EdgeCity.Actors.Tests.Cluster;

public sealed class MakeCertsScriptSpec : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("edgecity-make-certs-").FullName;

    [Fact]
    public async Task Certificates_made_with_the_readme_openssl_recipe_load_as_pem_and_pfx_and_chain_to_their_site_ca()
    {
        var script = Path.Combine(RepositoryRoot(), "deploy", "make-certs");
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { script, _out, "box-1", "box-2" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, stderr);

        var pem = new ClusterTlsSettings { CertificatePath = Path.Combine(_out, "box-1.crt"), KeyPath = Path.Combine(_out, "box-1.key"), CaCertificatePath = Path.Combine(_out, "site-ca.crt") };
        var pfx = new ClusterTlsSettings { CertificatePath = Path.Combine(_out, "box-2.pfx"), CertificatePassword = "edgecity", CaCertificatePath = pem.CaCertificatePath };
        using var ca = NodeCertificate.LoadSiteCa(pem);
        using var box1 = NodeCertificate.Load(pem);
        using var box2 = NodeCertificate.Load(pfx);

        Assert.Equal("CN=EdgeCity Site CA, O=EdgeCity", ca.Subject);
        Assert.Equal("CN=box-1, O=EdgeCity", box1.Subject);
        Assert.True(box2.HasPrivateKey);
        Assert.Null(SiteCertificateValidator.Check(box1, null, ca));
        Assert.Null(SiteCertificateValidator.Check(box2, null, ca));
        var usages = box1.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(o => o.Value);
        Assert.Equal(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"], usages.Order());
    }

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private static string RepositoryRoot() => EdgeCity.Testing.RepositoryRoot.FullName;
}
