using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Assessment;

/// <summary>
/// Content-derived finding ids: the image's SHA-256, the frame, the kind and label, and the box rounded to 4 pixels.
/// Assessing the same image again (a restart after a crash, a second box, a replay) yields the same ids, which is what
/// makes storing and forwarding idempotent.
/// </summary>
public static class FindingId
{
    public static string For(string imageDigest, int frame, FindingKind kind, string label, BoxF box)
    {
        static int R(float v) => (int)Math.Round(v / 4.0);
        var key = string.Create(CultureInfo.InvariantCulture, $"{imageDigest}|{frame}|{kind}|{label}|{R(box.Left)},{R(box.Top)},{R(box.Right)},{R(box.Bottom)}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 12));
    }

    /// <summary>SHA-256 of an image's bytes, lower-case hex: the digest finding ids start from.</summary>
    public static string DigestOf(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
