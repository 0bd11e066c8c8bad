using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Evaluation.DetectionMetrics;

/// <summary>One labelled object in a frame: the model's class index, its box in frame pixels, and whether it is at the stop line.</summary>
public readonly record struct GroundTruthBox(int ClassId, BoxF Box, bool AtStopLine = false);
