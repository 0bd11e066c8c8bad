using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Measurements;

/// <summary>
/// Whether a box's anchor (bottom-centre) is where the vehicle meets the road in this frame. It is not when the box is
/// cut by the left, right or bottom edge of the frame (the anchor then slides along the edge while the vehicle moves on)
/// or when the anchor lies inside the box of a nearer vehicle (lower in the picture): the detector then guesses where
/// the hidden bumper is. Positions from such boxes still place a vehicle in a lane or a queue, but a speed fitted on them
/// is a guess's derivative.
/// </summary>
public static class AnchorInView
{
    /// <summary>Pixels from the frame's edge within which a box counts as cut.</summary>
    public const float EdgeMargin = 2;

    /// <summary>How much lower (pixels) another box's bottom must be to count as a nearer vehicle.</summary>
    public const float NearerBy = 2;

    public static bool Holds(BoxF box, FrameDetections frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.FrameWidth > 0 && frame.FrameHeight > 0
            && (box.Left <= EdgeMargin || box.Right >= frame.FrameWidth - EdgeMargin || box.Bottom >= frame.FrameHeight - EdgeMargin))
        {
            return false;
        }

        var anchor = box.BottomCenter;
        foreach (var d in frame.Detections)
        {
            if (d.Box.Hides(anchor, NearerBy))
            {
                return false;
            }
        }

        return true;
    }
}
