using EdgeCity.Testing;

namespace EdgeCity.Node.Tests.Cli;

/// <summary><c>edgecity doctor</c> says which detector each kind of camera runs, and whether each model file is intact.</summary>
public sealed class DoctorSpec
{
    [Fact]
    public async Task Doctor_names_the_twin_and_the_real_camera_defaults_with_checksums_checked()
    {
        var (code, output) = await NodeProcess.RunAsync("doctor", "--models", Path.Combine(RepositoryRoot.FullName, "models"));

        Assert.True(code == 0, output);
        Assert.Matches(@"edgecity-vehicles: YoloV8 512x288, 6 classes, Apache-2\.0, checksum ok; default for twin cameras", output);
        Assert.Matches(@"nanodet-m-416: NanoDet 416x416, 80 classes, Apache-2\.0, checksum ok; default for real cameras", output);
    }

    [Fact]
    public async Task A_damaged_model_file_fails_doctor_naming_it()
    {
        var folder = Directory.CreateTempSubdirectory("edgecity-doctor-").FullName;
        try
        {
            File.Copy(Path.Combine(RepositoryRoot.FullName, "models", "nanodet-m-320.json"), Path.Combine(folder, "nanodet-m-320.json"));
            await File.WriteAllTextAsync(Path.Combine(folder, "nanodet_m_320.onnx"), "not the model");

            var (code, output) = await NodeProcess.RunAsync("doctor", "--models", folder);

            Assert.Equal(1, code);
            Assert.Contains("nanodet-m-320: NanoDet 320x320, 80 classes, Apache-2.0, CHECKSUM MISMATCH", output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
