using EdgeCity.Domain.Detection;
using OpenCvSharp;

namespace EdgeCity.Vision.Inference;

/// <summary>
/// Fits a BGR frame into a model input per its manifest: OpenCV resize (aspect kept), pad, channel order, scaling and
/// HWC→CHW, written straight into a caller's tensor buffer. The resized image and lookup table are reused, and the
/// border is written only when the letterbox geometry changes, so a steady stream allocates nothing and converts only
/// the image area. Not thread-safe: one per inference thread.
/// </summary>
public sealed class LetterboxPreprocessor : IDisposable
{
    private readonly ModelInput _input;
    // One lookup table per source channel (B, G, R), each holding that channel's normalised value in the model's order.
    private readonly float[] _lut = new float[3 * 256];
    private readonly float[] _pad = new float[3];
    private readonly Mat _resized = new();
    private readonly Mat _converted = new();

    // Cv2.Resize wraps its Mats in a new InputArray/OutputArray on every call (and disposes the OutputArray after it).
    // The frames of a slot are reused Mats, so one wrapper per Mat, kept and passed to the native resize directly,
    // keeps the per-frame path free of managed allocations.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Mat, InputArray> _inputs = [];
    private readonly OutputArray _resizedOut;

    public LetterboxPreprocessor(ModelInput input)
    {
        _input = input;
        _resizedOut = OutputArray.Create(_resized);
        for (var source = 0; source < 3; source++)
        {
            var channel = ModelChannelOf(source);
            for (var i = 0; i < 256; i++)
            {
                _lut[(source * 256) + i] = input.Normalise(channel, (byte)i);
            }

            _pad[source] = input.Normalise(channel, input.PadValue);
        }
    }

    /// <summary>Floats one image takes in the tensor.</summary>
    public int FloatsPerImage => 3 * _input.Width * _input.Height;

    /// <summary>
    /// Writes <paramref name="frame"/> into <paramref name="chw"/> (3 planes of the input size). <paramref name="previous"/>
    /// is the letterbox last written to the same buffer: when it matches, the border is already in place.
    /// </summary>
    public unsafe Letterbox Write(Mat frame, Span<float> chw, Letterbox? previous)
    {
        if (chw.Length < FloatsPerImage)
        {
            throw new ArgumentException($"the tensor slice holds {chw.Length} floats; one image needs {FloatsPerImage}", nameof(chw));
        }

        var bgr = ToBgr(frame);
        int w = _input.Width, h = _input.Height, plane = w * h;
        var lb = Letterbox.Fit(bgr.Width, bgr.Height, w, h, _input.Alignment);
        Mat image;
        if (lb.ResizedWidth == bgr.Width && lb.ResizedHeight == bgr.Height)
        {
            image = bgr;
        }
        else
        {
            // Area interpolation would alias less when shrinking, but linear is what Ultralytics and YOLOX train with.
            var src = _inputs.GetValue(bgr, static m => InputArray.Create(m));
            OpenCvSharp.Internal.NativeMethods.HandleException(OpenCvSharp.Internal.NativeMethods.imgproc_resize(
                src.CvPtr, _resizedOut.CvPtr, new Size(lb.ResizedWidth, lb.ResizedHeight), 0, 0, (int)InterpolationFlags.Linear));
            GC.KeepAlive(bgr);
            image = _resized;
        }

        var rgb = _input.Color == ColorOrder.Rgb;
        if (previous != lb)
        {
            for (var source = 0; source < 3; source++)
            {
                chw.Slice(ModelChannelOf(source) * plane, plane).Fill(_pad[source]);
            }
        }

        var step = image.Step();
        int rw = lb.ResizedWidth, rh = lb.ResizedHeight;
        fixed (float* lut = _lut)
        fixed (float* dst = chw)
        {
            var first = rgb ? dst + (2 * plane) : dst; // BGR source: blue goes to the last plane for RGB models
            var second = dst + plane;
            var third = rgb ? dst : dst + (2 * plane);
            var src = (byte*)image.DataPointer;
            for (var y = 0; y < rh; y++)
            {
                var row = src + (y * step);
                var offset = ((lb.PadY + y) * w) + lb.PadX;
                float* p0 = first + offset, p1 = second + offset, p2 = third + offset;
                for (var x = 0; x < rw; x++)
                {
                    p0[x] = lut[row[0]];
                    p1[x] = lut[256 + row[1]];
                    p2[x] = lut[512 + row[2]];
                    row += 3;
                }
            }
        }

        return lb;
    }

    // The model's plane for source channel B (0), G (1) or R (2).
    private int ModelChannelOf(int source) => _input.Color == ColorOrder.Rgb ? 2 - source : source;

    private Mat ToBgr(Mat frame)
    {
        if (frame.Empty())
        {
            throw new ArgumentException("empty frame", nameof(frame));
        }

        var type = frame.Type();
        if (type == MatType.CV_8UC3)
        {
            return frame;
        }

        if (type == MatType.CV_8UC1)
        {
            Cv2.CvtColor(frame, _converted, ColorConversionCodes.GRAY2BGR);
        }
        else if (type == MatType.CV_8UC4)
        {
            Cv2.CvtColor(frame, _converted, ColorConversionCodes.BGRA2BGR);
        }
        else
        {
            throw new ArgumentException($"unsupported frame type {type} (expected 8-bit BGR, grey or BGRA)", nameof(frame));
        }

        return _converted;
    }

    public void Dispose()
    {
        _resizedOut.Dispose();
        _resized.Dispose();
        _converted.Dispose();
    }
}
