namespace EdgeCity.Vision.Assessment;

/// <summary>An input that could not be read (a corrupt photo, a video OpenCV cannot open, a broken telemetry file), and why.</summary>
public sealed record IngestProblem(string Source, string Reason);
