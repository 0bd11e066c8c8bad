namespace EdgeCity.Vision.Inference;

/// <summary>ONNX Runtime execution providers EdgeCity can ask for, in the order it prefers them.</summary>
public enum ExecutionProvider
{
    TensorRt,
    Cuda,
    Cpu,
}
