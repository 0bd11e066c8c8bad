using EdgeCity.Actors.Cameras;

namespace EdgeCity.Node.Hosting.Cameras;

/// <summary>
/// How the demo measures through its cameras: the pipeline options (models folder found, threads, batching) and the
/// frame rate each camera hands to inference: 12 cameras at the twin's 10 fps do not fit in 2 cores beside SUMO.
/// </summary>
public sealed record DemoCameraPlan(IReadOnlyList<string> Models, CameraPipelineOptions Options, double FramesPerSecond);
