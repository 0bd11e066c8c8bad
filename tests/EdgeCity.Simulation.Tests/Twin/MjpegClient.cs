using System.Text;
using OpenCvSharp;

namespace EdgeCity.Simulation.Tests.Twin;

/// <summary>
/// Reads an MJPEG-over-HTTP stream part by part and decodes each JPEG with OpenCV. The OpenCvSharp runtime package's
/// FFmpeg is built with --disable-network, so VideoCapture cannot open http:// URLs on this box; this is the same
/// multipart/x-mixed-replace parsing FFmpeg's mpjpeg demuxer does.
/// </summary>
public sealed class MjpegClient : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly Stream _stream;
    private readonly string _boundary;

    private MjpegClient(Stream stream, string boundary)
    {
        _stream = stream;
        _boundary = boundary;
    }

    public static async Task<MjpegClient> OpenAsync(string url)
    {
        var http = new HttpClient();
        var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var type = response.Content.Headers.ContentType!;
        Assert.Equal("multipart/x-mixed-replace", type.MediaType);
        var boundary = type.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        return new MjpegClient(await response.Content.ReadAsStreamAsync(), boundary);
    }

    /// <summary>The next frame, decoded.</summary>
    public async Task<Mat> ReadAsync()
    {
        string line;
        do
        {
            line = await ReadLineAsync();
        }
        while (line.Length == 0);

        Assert.Equal($"--{_boundary}", line);
        var length = -1;
        while ((line = await ReadLineAsync()).Length > 0)
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        Assert.True(length > 0, "part without Content-Length");
        var jpeg = new byte[length];
        await _stream.ReadExactlyAsync(jpeg);
        return Cv2.ImDecode(jpeg, ImreadModes.Color);
    }

    public void Dispose()
    {
        _stream.Dispose();
        _http.Dispose();
    }

    private async Task<string> ReadLineAsync()
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (await _stream.ReadAsync(one) == 1)
        {
            if (one[0] == '\n')
            {
                break;
            }

            if (one[0] != '\r')
            {
                bytes.Add(one[0]);
            }
        }

        return Encoding.ASCII.GetString([.. bytes]);
    }
}
