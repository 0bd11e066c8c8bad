using System.Threading.Channels;
using Akka.Actor;
using EdgeCity.Actors.Cluster;
using EdgeCity.Actors.Hosting;

namespace EdgeCity.Actors.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class MutualTlsSpec : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TestCertificates _site = new("EdgeCity Test Site CA");
    private readonly TestCertificates _rogue = new("EdgeCity Test Site CA");

    [Fact]
    public async Task Only_a_node_with_a_certificate_from_the_site_ca_joins_and_delivers_messages()
    {
        await using var a = await ClusterTestNode.StartAsync([], o => o.Tls = Pfx(_site, "box-a"));
        await using var b = await ClusterTestNode.StartAsync([a.Address], o => o.Tls = Pfx(_site, "box-b"));
        Assert.Equal("akka.ssl.tcp", a.Address.Protocol);
        await Eventually.HoldsAsync(() => ThreeNodeClusterSpec.UpCount(a) == 2 && ThreeNodeClusterSpec.UpCount(b) == 2, Patience, "A and B Up over TLS");
        Assert.Equal(a.Address.ToString(), await ThreeNodeClusterSpec.AskUntilAnsweredAsync(b));
        var inbox = Channel.CreateUnbounded<string>();
        a.System.ActorOf(Props.Create(() => new Inbox(inbox.Writer)), "inbox");
        var refusedBefore = SiteCertificateValidator.RefusedCount;

        // Same subject name, a CA of the same name, and it trusts the site CA itself: only the issuer of its own certificate is wrong.
        await using var rogue = await ClusterTestNode.StartAsync([a.Address], o => o.Tls = new ClusterTlsSettings
        {
            CertificatePath = _rogue.IssuePfx("box-a"),
            CertificatePassword = "box-secret",
            CaCertificatePath = _site.CaPath,
        });
        var rogueSelection = rogue.System.ActorSelection(new RootActorPath(a.Address) / "user" / "inbox");
        await Eventually.HoldsAsync(
            () =>
            {
                rogueSelection.Tell("from the rogue");
                return SiteCertificateValidator.RefusedCount > refusedBefore;
            },
            Patience,
            "the site nodes to refuse the rogue's certificate");
        for (var i = 0; i < 10; i++)
        {
            rogueSelection.Tell("from the rogue");
            await Task.Delay(300);
        }

        // A node with a PEM certificate from the site CA is the control: same path, right certificate.
        var (cert, key) = _site.IssuePem("box-c");
        await using var c = await ClusterTestNode.StartAsync([a.Address], o => o.Tls = new ClusterTlsSettings { CertificatePath = cert, KeyPath = key, CaCertificatePath = _site.CaPath });
        await Eventually.HoldsAsync(() => ThreeNodeClusterSpec.UpCount(a) == 3, Patience, "C Up over TLS");
        var goodSelection = c.System.ActorSelection(new RootActorPath(a.Address) / "user" / "inbox");
        await Eventually.HoldsAsync(
            () =>
            {
                goodSelection.Tell("from box-c");
                return inbox.Reader.Count > 0;
            },
            Patience,
            "a message from C");

        var delivered = new List<string>();
        while (inbox.Reader.TryRead(out var m))
        {
            delivered.Add(m);
        }

        Assert.Contains("from box-c", delivered);
        Assert.DoesNotContain("from the rogue", delivered);
        Assert.DoesNotContain(a.Cluster.State.Members, m => m.Address == rogue.Address);
        Assert.Equal(3, a.Cluster.State.Members.Count);
        Assert.NotEqual(Akka.Cluster.MemberStatus.Up, rogue.Cluster.SelfMember.Status);
    }

    [Fact]
    public void A_certificate_check_names_the_site_ca_it_does_not_chain_to()
    {
        using var rogueCert = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(_rogue.IssuePfx("box-x"), "box-secret");
        using var siteCert = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(_site.IssuePfx("box-y"), "box-secret");

        Assert.Null(SiteCertificateValidator.Check(siteCert, null, _site.Ca));
        Assert.Contains("does not chain to the site CA 'CN=EdgeCity Test Site CA, O=EdgeCity'", SiteCertificateValidator.Check(rogueCert, null, _site.Ca));
    }

    [Fact]
    public void A_missing_certificate_file_is_an_error_naming_the_setting_and_the_file()
    {
        var tls = new ClusterTlsSettings { CertificatePath = "/nonexistent/box.pfx", CaCertificatePath = _site.CaPath };

        var ex = Assert.Throws<FileNotFoundException>(() => NodeCertificate.Load(tls));

        Assert.Contains("EdgeCity:Cluster:Tls:CertificatePath", ex.Message);
        Assert.Contains("/nonexistent/box.pfx", ex.Message);
    }

    public void Dispose()
    {
        _site.Dispose();
        _rogue.Dispose();
    }

    private static ClusterTlsSettings Pfx(TestCertificates ca, string node) =>
        new() { CertificatePath = ca.IssuePfx(node), CertificatePassword = "box-secret", CaCertificatePath = ca.CaPath };

    private sealed class Inbox : ReceiveActor
    {
        public Inbox(ChannelWriter<string> writer) => Receive<string>(m => writer.TryWrite(m));
    }
}
