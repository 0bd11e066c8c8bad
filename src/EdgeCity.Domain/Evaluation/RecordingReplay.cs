using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Measurements;

namespace EdgeCity.Domain.Evaluation;

/// <summary>
/// Runs a recording's detections through the same pipeline the node runs, on the recording's own clock (each frame's
/// capture time), measuring once per reporting interval as the actor would, and records what it produced for
/// <see cref="CountEvaluator"/>. The <c>eval counts</c> verb is decode → detect → <see cref="Feed"/> → <see cref="Evaluate"/>.
/// </summary>
public sealed class RecordingReplay
{
    private readonly ReplayClock _clock;
    private readonly CameraTrafficAnalyzer _analyzer;
    private DateTimeOffset _nextMeasurement;

    /// <param name="setup">The camera's lines, zones and calibration, as on the node.</param>
    /// <param name="origin">Capture time of the recording's first frame: truth time 0.</param>
    public RecordingReplay(CameraAnalyticsSetup setup, DateTimeOffset origin)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _clock = new ReplayClock(origin);
        _analyzer = new CameraTrafficAnalyzer(setup, _clock);
        Observations = new PipelineObservations(origin);
        _nextMeasurement = origin + setup.Measurement.Interval;
    }

    public PipelineObservations Observations { get; }

    /// <summary>Frames the pipeline refused (captured before the previous one).</summary>
    public int DroppedFrames { get; private set; }

    public CameraAnalyticsSetup Setup => _analyzer.Setup;

    /// <summary>
    /// Analyses one frame; measures whenever its capture time passes the next reporting instant. Returns the frame's
    /// analysis (tracks and counts), or null when the pipeline refused the frame (captured before the previous one).
    /// </summary>
    public FrameAnalysis? Feed(FrameDetections frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.CapturedAt > _clock.Now)
        {
            _clock.Now = frame.CapturedAt;
        }

        var analysis = _analyzer.Process(frame, out _);
        if (analysis is null)
        {
            DroppedFrames++;
            return null;
        }

        Observations.Record(analysis);
        if (frame.CapturedAt >= _nextMeasurement)
        {
            Observations.Record(_analyzer.Measure(), frame.CapturedAt);
            while (_nextMeasurement <= frame.CapturedAt)
            {
                _nextMeasurement += _analyzer.Setup.Measurement.Interval;
            }
        }

        return analysis;
    }

    /// <summary>Compares everything fed so far with the recording's ground truth.</summary>
    public EvaluationReport Evaluate(IReadOnlyList<TruthFrame> truth, EvaluationOptions? options = null) =>
        CountEvaluator.Evaluate(truth, Observations, _analyzer.Setup.Lines, options);
}
