namespace EdgeCity.Domain.Counting;

/// <summary>
/// Direction of a crossing relative to a directed count line from Start to End. Forward goes from the left of the
/// line to its right as seen walking from Start to End in image coordinates (y down): for a line drawn left to
/// right across the image, Forward is moving down the image.
/// </summary>
public enum CrossingDirection
{
    Forward,
    Backward,
}
