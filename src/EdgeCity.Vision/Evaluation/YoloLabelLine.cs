using System.Globalization;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Vision.Evaluation;

/// <summary>Writes one object of a YOLO txt label file, the layout <see cref="YoloFolderReader"/> reads.</summary>
public static class YoloLabelLine
{
    /// <summary><c>class cx cy w h</c>, the box clamped to the image and given as fractions of its size.</summary>
    public static string Of(int classIndex, BoxF box, int width, int height)
    {
        var left = Math.Clamp(box.Left, 0, width);
        var right = Math.Clamp(box.Right, 0, width);
        var top = Math.Clamp(box.Top, 0, height);
        var bottom = Math.Clamp(box.Bottom, 0, height);
        return string.Create(CultureInfo.InvariantCulture,
            $"{classIndex} {(left + right) / 2 / width:0.######} {(top + bottom) / 2 / height:0.######} {(right - left) / width:0.######} {(bottom - top) / height:0.######}");
    }
}
