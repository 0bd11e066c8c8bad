namespace EdgeCity.Domain.Evaluation;

/// <summary>
/// A lane queue the pipeline measured, at seconds since the start of the recording, with how far upstream of the stop
/// line the camera watches that lane (null when unknown): a true queue longer than that is out of view.
/// </summary>
public sealed record ObservedQueue(double Time, string Approach, string Lane, double Meters, double? ReachMeters = null);
