namespace EdgeCity.Vision.Benchmarking;

/// <summary>One measured block of <see cref="PipelineRig"/>: frames decoded into boxes, time, allocation and CPU.</summary>
internal readonly record struct PipelineBlock(long Frames, double Seconds, long HostBytes, long TotalBytes, long Detections, double CpuMs);
