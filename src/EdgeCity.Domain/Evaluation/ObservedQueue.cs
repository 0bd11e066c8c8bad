namespace EdgeCity.Domain.Evaluation;

/// <summary>A lane queue the pipeline measured, at seconds since the start of the recording.</summary>
public sealed record ObservedQueue(double Time, string Approach, string Lane, double Meters);
