namespace EdgeCity.Node.Api;

/// <summary>
/// What a camera added through the API may read: a network stream (rtsp, rtsps, http, https), a V4L2 device
/// (<c>/dev/videoN</c>), or a video file by an absolute path with a video extension and no <c>..</c>. Anything else is
/// refused, so the API cannot be used to make the node open an arbitrary local file (<c>/etc/passwd</c> was accepted).
/// </summary>
public static class CameraSourceRule
{
    private static readonly string[] Schemes = ["rtsp", "rtsps", "http", "https"];

    private static readonly string[] VideoExtensions = [".mp4", ".m4v", ".mov", ".mkv", ".avi", ".webm", ".ts", ".mpg", ".mpeg", ".mjpg", ".mjpeg", ".h264", ".h265"];

    /// <summary>Null when the source is allowed, else why not.</summary>
    public static string? Check(string source)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && !uri.IsFile)
        {
            return Schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase) && uri.Host.Length > 0
                ? null
                : $"'{uri.Scheme}://' is not a camera stream: use rtsp://, rtsps://, http:// or https:// with a host";
        }

        if (System.Text.RegularExpressions.Regex.IsMatch(source, "^/dev/video[0-9]{1,3}$"))
        {
            return null;
        }

        if (!Path.IsPathFullyQualified(source) || source.Split('/', '\\').Contains(".."))
        {
            return "a file source must be an absolute path without '..'";
        }

        return VideoExtensions.Contains(Path.GetExtension(source), StringComparer.OrdinalIgnoreCase)
            ? null
            : $"'{Path.GetFileName(source)}' is not a video file ({string.Join(", ", VideoExtensions)})";
    }
}
