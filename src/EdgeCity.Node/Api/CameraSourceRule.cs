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

    /// <summary>Null when the source is allowed (by the rule and the site's <paramref name="policy"/>), else why not.</summary>
    public static string? Check(string source, CameraSourcePolicy? policy = null)
    {
        policy ??= CameraSourcePolicy.Open;
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && !uri.IsFile)
        {
            if (!Schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase) || uri.Host.Length == 0)
            {
                return $"'{uri.Scheme}://' is not a camera stream: use rtsp://, rtsps://, http:// or https:// with a host";
            }

            return policy.AllowsHost(uri.Host)
                ? null
                : $"host '{uri.Host}' is not one this site allows cameras on ({CameraSourcePolicy.Section}:Hosts: {string.Join(", ", policy.Hosts)})";
        }

        if (System.Text.RegularExpressions.Regex.IsMatch(source, "^/dev/video[0-9]{1,3}$"))
        {
            return policy.Devices ? null : $"this site allows no video devices ({CameraSourcePolicy.Section}:Devices is false)";
        }

        if (!policy.Files)
        {
            return $"this site allows no video files, only streams ({CameraSourcePolicy.Section}:Files is false)";
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
