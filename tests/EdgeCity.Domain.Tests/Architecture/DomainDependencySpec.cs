using System.Xml.Linq;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Tests.Architecture;

public sealed class DomainDependencySpec
{
    private static readonly string[] Forbidden = ["Akka", "OpenCvSharp", "Microsoft.ML.OnnxRuntime", "Prometheus", "Microsoft.AspNetCore"];

    [Fact]
    public void Domain_assembly_references_only_the_base_class_library()
    {
        var references = typeof(Point2).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib",
            $"EdgeCity.Domain references {name}"));
        Assert.DoesNotContain(references, name => Forbidden.Any(f => name.StartsWith(f, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Domain_project_has_no_package_or_project_references()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "EdgeCity.Domain", "EdgeCity.Domain.csproj"));

        Assert.Empty(project.Descendants("PackageReference"));
        Assert.Empty(project.Descendants("ProjectReference"));
    }

    [Fact]
    public void The_actor_project_does_not_reference_the_simulator()
    {
        // Actors run on the box in the field: signal heads are Domain's ISignalHead, SUMO's TraCI head lives in Simulation.
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "EdgeCity.Actors", "EdgeCity.Actors.csproj"));

        Assert.DoesNotContain(project.Descendants("ProjectReference"), r => r.Attribute("Include")!.Value.Contains("Simulation", StringComparison.Ordinal));
    }

    private static string RepositoryRoot() => EdgeCity.Testing.RepositoryRoot.FullName;
}
