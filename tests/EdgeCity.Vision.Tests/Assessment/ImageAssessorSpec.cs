using EdgeCity.Domain.Assessment;
using EdgeCity.Vision.Assessment;
using EdgeCity.Vision.Inference;
using EdgeCity.Vision.Tests.Support;
using OpenCvSharp;

namespace EdgeCity.Vision.Tests.Assessment;

/// <summary>NanoDet-m 416 through the assessor on the committed sample: real footage, positions from the photos' metadata.</summary>
public sealed class ImageAssessorSpec
{
    private static readonly DetectorOptions Cpu = new() { Providers = [ExecutionProvider.Cpu], MaxBatch = 1, IntraOpThreads = 1 };

    [Fact]
    public void A_nadir_drone_photo_gives_vehicle_findings_placed_around_the_drone_with_small_jpeg_thumbnails()
    {
        using var model = DetectionModel.Load(Path.Combine(RepoPaths.Root, "models"), "nanodet-m-416", Cpu);
        using var assessor = new ImageAssessor(model);
        var path = Path.Combine(PhotoMetadataSpec.Sample, "drone-0003.jpg");
        using var photo = AssessmentInputs.ReadPhoto(path, out var problem)!;

        var findings = assessor.Assess(photo.Image, photo.Pose, photo.Source, photo.Digest, photo.Frame, "box-1");

        Assert.Null(problem);
        Assert.Equal(416, assessor.TileSize);
        Assert.Equal(1 + (3 * 2), assessor.LastPasses);
        Assert.True(findings.Count(f => f.Finding.Kind == FindingKind.Vehicle) >= 5, $"vehicles found: {findings.Count}");
        Assert.All(findings, f =>
        {
            Assert.Equal(PositionSource.Projected, f.Finding.PositionSource);
            // 40 m up with a 74-degree view: the frame is 60 m across, so nothing is more than about 35 m from the drone.
            Assert.InRange(photo.Pose.Position!.Value.DistanceMeters(f.Finding.Position!.Value), 0, 36);
            Assert.True(f.Finding.Confidence >= 0.3);
            Assert.Equal(photo.Pose.Time, f.Finding.Time);
            using var thumb = Cv2.ImDecode(f.Thumbnail, ImreadModes.Color);
            Assert.False(thumb.Empty());
            Assert.True(Math.Max(thumb.Width, thumb.Height) <= 256);
        });
    }

    [Fact]
    public void Assessing_the_same_photo_twice_gives_the_same_finding_ids()
    {
        using var model = DetectionModel.Load(Path.Combine(RepoPaths.Root, "models"), "nanodet-m-416", Cpu);
        using var assessor = new ImageAssessor(model);
        using var photo = AssessmentInputs.ReadPhoto(Path.Combine(PhotoMetadataSpec.Sample, "cctv-0004.jpg"), out _)!;

        var first = assessor.Assess(photo.Image, photo.Pose, photo.Source, photo.Digest, 0, "a").Select(f => f.Finding.Id).ToList();
        var second = assessor.Assess(photo.Image, photo.Pose, photo.Source, photo.Digest, 0, "b").Select(f => f.Finding.Id).ToList();

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct().Count());
    }

    [Fact]
    public void A_corrupt_photo_is_a_named_problem_not_an_exception()
    {
        var dir = Directory.CreateTempSubdirectory("ec-assess-");
        try
        {
            var bad = Path.Combine(dir.FullName, "DJI_0042.JPG");
            File.WriteAllBytes(bad, [0xFF, 0xD8, 0xFF, 0x00, 0x01, 0x02]);

            Assert.Null(AssessmentInputs.ReadPhoto(bad, out var problem));
            Assert.Equal(bad, problem!.Source);
            Assert.Contains("not a decodable image (6 bytes)", problem.Reason, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
