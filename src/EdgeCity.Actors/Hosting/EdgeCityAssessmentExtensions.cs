using Akka.Hosting;
using EdgeCity.Actors.Assessment;

namespace EdgeCity.Actors.Hosting;

/// <summary>Akka.Hosting wiring for a disaster site's box: the inbox watcher and the finding replicator.</summary>
public static class EdgeCityAssessmentExtensions
{
    public static AkkaConfigurationBuilder WithEdgeCityAssessment(this AkkaConfigurationBuilder builder, AssessmentSetup setup) =>
        builder.WithActors((system, _) =>
        {
            system.ActorOf(InboxWatcher.Props(setup.CreateAssessor, setup.Store, setup.Inbox, setup.Replication.Node, setup.EverySeconds, setup.Cameras, setup.Remember), "assessment-inbox");
            system.ActorOf(FindingReplicator.Props(setup.Store, setup.Replication, setup.Links, setup.Http), "assessment-replicator");
        });
}
