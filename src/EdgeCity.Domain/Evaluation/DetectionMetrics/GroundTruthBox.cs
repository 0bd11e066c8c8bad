using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Evaluation.DetectionMetrics;

/// <summary>
/// One labelled object in a frame: the model's class index, its box in frame pixels, whether it is at the stop line,
/// and the share of its box not hidden behind nearer objects (1 when unknown).
/// </summary>
public readonly record struct GroundTruthBox(int ClassId, BoxF Box, bool AtStopLine = false, float Visible = 1f);
