using EdgeCity.Actors.Assessment;
using EdgeCity.Actors.Cameras;
using EdgeCity.Domain.Sites;
using EdgeCity.Vision.Assessment;
using EdgeCity.Vision.Inference;

namespace EdgeCity.Node.Hosting;

/// <summary>
/// Composes a disaster site's box from its site file and configuration: the finding store (<c>EdgeCity:Assessment:Store</c>,
/// default <c>findings.db</c> beside the site file), this box's name (<c>EdgeCity:Assessment:Node</c>, default the
/// machine's), the command post's token (<c>EdgeCity:Assessment:CommandPostToken</c>) and the replication interval
/// (<c>EdgeCity:Assessment:SyncSeconds</c>, default 2) and the thumbnails' disk budget
/// (<c>EdgeCity:Assessment:MaxThumbnailMegabytes</c>, default 512; findings are never deleted).
/// </summary>
public static class AssessmentHosting
{
    public const string Section = "EdgeCity:Assessment";

    /// <summary>The setup for the site's assessment, or null when the site has none.</summary>
    public static AssessmentSetup? Prepare(NodeLaunch launch, IConfiguration configuration, CameraPipelineOptions cameras)
    {
        if (launch.Site?.Assessment is not { } assessment)
        {
            return null;
        }

        var section = configuration.GetSection(Section);
        var node = section["Node"] is { Length: > 0 } n ? n : Environment.MachineName;
        var folder = launch.SitePath is { } sitePath ? Path.GetDirectoryName(Path.GetFullPath(sitePath))! : Directory.GetCurrentDirectory();
        var storePath = section["Store"] is { Length: > 0 } s ? s : Path.Combine(folder, "findings.db");
        var syncSeconds = section["SyncSeconds"] is { Length: > 0 } text
            ? (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0 ? v
                : throw new NodeConfigurationException($"{Section}:SyncSeconds: '{text}' is not a positive number of seconds"))
            : 2.0;
        var thumbnailMegabytes = section["MaxThumbnailMegabytes"] is { Length: > 0 } mb
            ? (long.TryParse(mb, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var m) && m >= 0 ? m
                : throw new NodeConfigurationException($"{Section}:MaxThumbnailMegabytes: '{mb}' is not a whole number of megabytes"))
            : 512;
        FindingStore store;
        try
        {
            store = new FindingStore(storePath, thumbnailMegabytes * 1024 * 1024);
        }
        catch (InvalidOperationException e)
        {
            throw new NodeConfigurationException($"{Section}:Store: {e.Message}");
        }

        var model = assessment.Model.Length > 0 ? assessment.Model : DefaultDetectors.RealCamera;
        var detector = cameras.ToDetectorOptions() with { MaxBatch = 1 };
        var options = new AssessorOptions { MinConfidence = assessment.MinConfidence };
        ImageAssessor Create()
        {
            var damage = assessment.DamageModel.Length > 0 ? DamageClassifier.Load(cameras.ModelsDirectory, assessment.DamageModel, detector) : null;
            return new(DetectionModel.Load(cameras.ModelsDirectory, model, detector), options, damage, ownsModels: true);
        }

        var replication = new ReplicationSettings(node, assessment.Peers, assessment.CommandPost, section["CommandPostToken"])
        {
            Interval = TimeSpan.FromSeconds(syncSeconds),
        };
        return new AssessmentSetup(store, new AssessmentInbox(assessment.Inbox), new AssessmentLinks(), replication, Create, assessment.EverySeconds, new HttpClient())
        {
            Cameras = assessment.Cameras.Count == 0 ? null : () => new AssessmentCameras(assessment.Cameras, source => cameras.ToSourceOptions(source, 2.0), cameras.ToBackoff()),
            Remember = TimeSpan.FromSeconds(assessment.RememberSeconds),
        };
    }
}
