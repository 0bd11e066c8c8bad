using System.CommandLine;

namespace EdgeCity.Node.Cli;

/// <summary>The <c>edgecity</c> command line: one verb per job, each with a one-line description in <c>--help</c>.</summary>
public static class EdgeCityCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("EdgeCity: edge AI for traffic signals. Cameras, detection, counts and signal plans on the box at the roadside.");
        root.Subcommands.Add(DemoCommand.Build());
        root.Subcommands.Add(RunCommand.Build());
        root.Subcommands.Add(DoctorCommand.Build());
        root.Subcommands.Add(SiteCommand.Build());
        root.Subcommands.Add(TwinCommand.Build());
        root.Subcommands.Add(SimCommand.Build());
        root.Subcommands.Add(ModelsCommand.Build());
        root.Subcommands.Add(BenchCommand.Build());
        root.Subcommands.Add(EvalCommand.Build());
        root.Subcommands.Add(CountCommand.Build());
        root.Subcommands.Add(AssessCommand.Build());
        return root;
    }

    public static Task<int> InvokeAsync(string[] args) =>
        // SIGINT/SIGTERM are left to the host's console lifetime, which runs Akka's CoordinatedShutdown.
        Build().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
}
