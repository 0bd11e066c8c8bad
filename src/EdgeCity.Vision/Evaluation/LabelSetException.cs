namespace EdgeCity.Vision.Evaluation;

/// <summary>A labelled data set (YOLO folder or twin recording) that cannot be read, with the file and line at fault.</summary>
public sealed class LabelSetException(string message, Exception? inner = null) : Exception(message, inner);
