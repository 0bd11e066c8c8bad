using EdgeCity.Domain.Geometry;
using EdgeCity.Vision.Evaluation;
using OpenCvSharp;

namespace EdgeCity.Node.Labelling;

/// <summary>A box as a person sees it: class name and corners in the image's pixels.</summary>
public sealed record ReviewBox(string Class, float Left, float Top, float Right, float Bottom);

/// <summary>One frame's labels in pixels, with the image size they are in.</summary>
public sealed record ReviewLabels(int Width, int Height, IReadOnlyList<ReviewBox> Boxes);

/// <summary>A frame of the folder: listed in review.txt or not, reviewed (saved by a person) or not, and how many boxes it has.</summary>
public sealed record ReviewFrame(string Name, bool Listed, bool Reviewed, int Boxes);

/// <summary>
/// A labelled training folder (images/ + labels/ in YOLO txt, as <c>models label</c> writes it) as a person reviews it:
/// the frames review.txt lists first, each frame's boxes in pixels, and a corrected frame written back in YOLO txt (to a
/// temporary file first, then moved over the old one, so a crash never leaves half a label file) and recorded in
/// reviewed.txt, which <c>models finetune --labels</c> reads to say how much of its data a person checked.
/// </summary>
public sealed class LabelReview
{
    public const string ReviewedFile = "reviewed.txt";

    private readonly string _folder;
    private readonly object _gate = new();

    public LabelReview(string folder, IReadOnlyList<string> classes)
    {
        _folder = Path.GetFullPath(folder);
        Classes = classes;
        if (!Directory.Exists(Path.Combine(_folder, "images")))
        {
            throw new LabelSetException($"{_folder}: no images/ folder (a folder `models label` wrote, images/ and labels/)");
        }
    }

    public string Folder => _folder;

    /// <summary>The class names, in the order of the label files' class ids.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>The frames, those review.txt lists first (in its order), then the others by name.</summary>
    public IReadOnlyList<ReviewFrame> Frames()
    {
        var images = ImagesByName();
        var listed = ReadList(Path.Combine(_folder, "review.txt")).Where(images.ContainsKey).Distinct().ToList();
        var reviewed = ReadList(Path.Combine(_folder, ReviewedFile)).ToHashSet(StringComparer.Ordinal);
        return listed.Concat(images.Keys.Except(listed).Order(StringComparer.Ordinal))
            .Select(n => new ReviewFrame(n, listed.Contains(n), reviewed.Contains(n), LabelLines(n).Count))
            .ToList();
    }

    /// <summary>The image of frame <paramref name="name"/>; null when the folder has no such frame (names are matched, never joined into paths).</summary>
    public string? ImagePath(string name) => ImagesByName().GetValueOrDefault(name);

    /// <summary>
    /// Frame <paramref name="name"/>'s boxes in pixels; null when there is no such frame. A label file the reader cannot
    /// parse is a <see cref="LabelSetException"/> naming its line (a person fixes it by saving the frame again).
    /// </summary>
    public ReviewLabels? Read(string name)
    {
        if (ImageSize(name) is not { } size)
        {
            return null;
        }

        var path = Path.Combine(_folder, "labels", name + ".txt");
        var boxes = YoloFolderReader.ReadLabels(File.Exists(path) ? path : null, size.Width, size.Height, Enumerable.Range(0, Classes.Count).ToList());
        return new ReviewLabels(size.Width, size.Height, boxes.Select(b => new ReviewBox(Classes[b.ClassId], b.Box.Left, b.Box.Top, b.Box.Right, b.Box.Bottom)).ToList());
    }

    /// <summary>Frame <paramref name="name"/>'s image size; null when there is no such frame.</summary>
    public (int Width, int Height)? ImageSize(string name)
    {
        if (ImagePath(name) is not { } image)
        {
            return null;
        }

        using var mat = Cv2.ImRead(image, ImreadModes.Unchanged);
        return mat.Empty() ? throw new LabelSetException($"{image}: not a readable image") : (mat.Width, mat.Height);
    }

    /// <summary>Writes frame <paramref name="name"/>'s boxes (already checked against the image) and records it as reviewed.</summary>
    public void Write(string name, IReadOnlyList<ReviewBox> boxes, int width, int height)
    {
        var lines = boxes.Select(b => YoloLabelLine.Of(IndexOf(b.Class), new BoxF(b.Left, b.Top, b.Right, b.Bottom), width, height));
        var labels = Path.Combine(_folder, "labels");
        Directory.CreateDirectory(labels);
        var path = Path.Combine(labels, name + ".txt");
        lock (_gate)
        {
            var temporary = path + ".saving";
            File.WriteAllLines(temporary, lines);
            File.Move(temporary, path, overwrite: true);
            var reviewed = Path.Combine(_folder, ReviewedFile);
            if (!ReadList(reviewed).Contains(name))
            {
                File.AppendAllLines(reviewed, [name]);
            }
        }
    }

    /// <summary>How many frames a person has saved (reviewed.txt), of how many.</summary>
    public static (int Reviewed, int Frames) Progress(string folder)
    {
        var frames = YoloFolderReader.Images(folder).Count;
        return (ReadList(Path.Combine(folder, ReviewedFile)).Distinct().Count(), frames);
    }

    public int IndexOf(string className) => Classes.ToList().IndexOf(className);

    private Dictionary<string, string> ImagesByName() =>
        YoloFolderReader.Images(Path.Combine(_folder, "images")).ToDictionary(p => Path.GetFileNameWithoutExtension(p), StringComparer.Ordinal);

    private List<string> LabelLines(string name)
    {
        var path = Path.Combine(_folder, "labels", name + ".txt");
        return File.Exists(path) ? File.ReadLines(path).Where(l => l.Trim().Length > 0).ToList() : [];
    }

    private static IEnumerable<string> ReadList(string path) =>
        File.Exists(path) ? File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')) : [];
}
