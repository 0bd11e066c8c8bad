using EdgeCity.Domain.Evaluation;
using OpenCvSharp;

namespace EdgeCity.Simulation.Twin;

/// <summary>Writes one camera's frames to a video file (MJPG in AVI) and its ground truth to a JSON-lines file beside it.</summary>
public sealed class TwinRecording : IDisposable
{
    private readonly VideoWriter _video;
    private readonly StreamWriter _truth;

    public TwinRecording(string folder, string cameraId, double fps, int width, int height)
    {
        Directory.CreateDirectory(folder);
        var name = FileStem(cameraId);
        VideoPath = Path.Combine(folder, $"{name}.avi");
        TruthPath = Path.Combine(folder, $"{name}.truth.jsonl");
        _video = new VideoWriter(VideoPath, FourCC.MJPG, fps, new Size(width, height));
        if (!_video.IsOpened())
        {
            _video.Dispose();
            throw new IOException($"cannot write video {VideoPath} (OpenCV has no MJPG writer?)");
        }

        _truth = new StreamWriter(TruthPath);
    }

    public string VideoPath { get; }

    /// <summary>
    /// The file name a camera's recording gets: its id with path separators and other characters no file system
    /// takes replaced by '_' (SUMO junction ids such as grid6's <c>0/0</c> make camera ids like <c>0/0-0/1to0/0</c>).
    /// </summary>
    public static string FileStem(string cameraId)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var stem = new string(cameraId.Select(c => invalid.Contains(c) ? '_' : c).ToArray());
        return stem is "." or ".." ? "_" + stem : stem;
    }

    public string TruthPath { get; }

    public int Frames { get; private set; }

    public void Write(Mat image, TruthFrame truth)
    {
        _video.Write(image);
        _truth.WriteLine(truth.ToJsonLine());
        Frames++;
    }

    public void Dispose()
    {
        _video.Release();
        _video.Dispose();
        _truth.Dispose();
    }
}
