using System.Globalization;
using EdgeCity.Domain.Geometry;
using EdgeCity.Testing;

namespace EdgeCity.Node.Tests.Cli;

/// <summary><c>edgecity models label</c> on the real overpass clip, checked against the frames a person boxed by hand.</summary>
public sealed class ModelsLabelSpec : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"edgecity-label-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Footage_is_labelled_in_the_training_layout_and_agrees_with_the_hand_boxes()
    {
        var (code, output) = await NodeProcess.RunAsync(
            TimeSpan.FromSeconds(120),
            "models", "label", "--video", Path.Combine(RepositoryRoot.FullName, "models", "testdata", "real", "motorway-overpass.mp4"),
            "--models", Path.Combine(RepositoryRoot.FullName, "models"), "--providers", "cpu", "--every", "5", "--out", _folder);

        Assert.True(code == 0, output);
        Assert.Equal(67, Directory.GetFiles(Path.Combine(_folder, "images"), "*.jpg").Length); // frames 0, 5, ... 330
        Assert.Equal(67, Directory.GetFiles(Path.Combine(_folder, "labels"), "*.txt").Length);
        var review = (await File.ReadAllLinesAsync(Path.Combine(_folder, "review.txt"))).Where(l => !l.StartsWith('#')).ToList();
        Assert.InRange(review.Count, 5, 67);

        // The four frames a person boxed: the labeller finds most cars and invents few. Far cars (12-20 px) are what the
        // zoomed tiles are for: looks at the whole frame alone found 14 of the 30 cars of 12 px or more.
        var (found, truth, wrong, labelled) = Agreement(minSide: 20);
        Assert.Equal(16, truth);
        Assert.True(found >= 13, $"{found} of {truth} hand-boxed cars labelled"); // measured 14
        Assert.True(wrong <= 3, $"{wrong} of {labelled} labels are no hand-boxed car"); // measured 2
        (found, truth, _, _) = Agreement(minSide: 12);
        Assert.Equal(30, truth);
        Assert.True(found >= 23, $"{found} of {truth} hand-boxed cars of 12 px or more labelled"); // measured 25
    }

    [Theory]
    [InlineData("3y2", "--tiles: '3y2' is not NxM")]
    [InlineData("0x2", "--tiles: '0x2' is not NxM")]
    public async Task A_bad_tile_grid_is_refused_naming_it(string tiles, string message)
    {
        var (code, output) = await NodeProcess.RunAsync(
            "models", "label", "--video", Path.Combine(RepositoryRoot.FullName, "models", "testdata", "real", "motorway-overpass.mp4"),
            "--models", Path.Combine(RepositoryRoot.FullName, "models"), "--providers", "cpu", "--tiles", tiles, "--out", _folder);

        Assert.Equal(2, code);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    private (int Found, int Truth, int Wrong, int Labelled) Agreement(float minSide)
    {
        int found = 0, truth = 0, labelled = 0, wrong = 0;
        foreach (var f in new[] { 60, 130, 245, 305 })
        {
            var hand = Boxes(Path.Combine(RepositoryRoot.FullName, "models", "testdata", "real-boxes", "labels", $"motorway-overpass-f{f:D3}.txt"));
            var big = hand.Where(b => Math.Min(b.Width, b.Height) >= minSide).ToList();
            var mine = Boxes(Path.Combine(_folder, "labels", $"motorway-overpass-f{f:D5}.txt"), classes: [0, 1, 2]);
            truth += big.Count;
            found += big.Count(h => mine.Any(m => m.IoU(h) >= 0.5f));
            var judged = mine.Where(m => Math.Min(m.Width, m.Height) >= minSide && !hand.Except(big).Any(h => h.IoU(m) >= 0.5f)).ToList();
            labelled += judged.Count;
            wrong += judged.Count(m => !big.Any(h => h.IoU(m) >= 0.5f));
        }

        return (found, truth, wrong, labelled);
    }

    private static List<BoxF> Boxes(string path, int[]? classes = null) =>
        File.ReadAllLines(path).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(t => t.Length == 5)
            .Where(t => classes is null || classes.Contains(int.Parse(t[0], CultureInfo.InvariantCulture)))
            .Select(t => t.Skip(1).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .Select(v => BoxF.FromCenter(v[0] * 960, v[1] * 540, v[2] * 960, v[3] * 540))
            .ToList();
}
