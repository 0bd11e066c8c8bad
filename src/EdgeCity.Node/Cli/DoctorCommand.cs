using System.CommandLine;
using System.Security.Cryptography;
using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Sites;
using EdgeCity.Simulation.Sumo;
using EdgeCity.Vision.Runtime;

namespace EdgeCity.Node.Cli;

/// <summary><c>edgecity doctor</c>: check that the native libraries and tools this box needs are present.</summary>
public static class DoctorCommand
{
    public static Command Build()
    {
        var models = new Option<string>("--models") { Description = "Folder with the model manifests.", DefaultValueFactory = _ => "models" };
        var command = new Command("doctor", "Check this box: OpenCV and ONNX Runtime native libraries, execution providers, SUMO, the detector models and which one each kind of camera runs.")
        {
            models,
        };
        command.SetAction(parse =>
        {
            var ok = true;
            try
            {
                var report = NativeRuntimeProbe.Probe();
                Console.WriteLine($"OpenCV {report.OpenCvVersion}");
                foreach (var backend in report.VideoBackends)
                {
                    Console.WriteLine($"  {backend}");
                }

                Console.WriteLine($"ONNX Runtime {report.OnnxRuntimeVersion}, providers: {string.Join(", ", report.ExecutionProviders)}");
            }
            catch (InvalidOperationException ex)
            {
                ok = false;
                Console.Error.WriteLine($"FAIL {ex.Message}");
            }

            var sumo = SumoInstallation.Find();
            if (sumo is null)
            {
                ok = false;
                Console.Error.WriteLine("FAIL SUMO not found (apt-get install sumo; SUMO_HOME=/usr/share/sumo)");
            }
            else
            {
                Console.WriteLine($"SUMO {sumo.SumoBinary}, SUMO_HOME={sumo.SumoHome}");
            }

            ok &= ReportModels(parse.GetValue(models)!);
            return ok ? 0 : 1;
        });
        return command;
    }

    // Each manifest, whether its file is there and intact, and which cameras run it by default (and why).
    private static bool ReportModels(string folder)
    {
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"FAIL models folder not found: {Path.GetFullPath(folder)} (--models)");
            return false;
        }

        var ok = true;
        Console.WriteLine($"Detector models in {Path.GetFullPath(folder)}:");
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            if (Domain.Assessment.DamageModelManifestFile.IsDamageManifest(File.ReadAllText(path)))
            {
                ok &= ReportDamageModel(folder, path);
                continue;
            }

            ModelManifest m;
            try
            {
                m = ModelManifestFile.Load(path);
            }
            catch (ModelManifestException e)
            {
                ok = false;
                Console.Error.WriteLine($"FAIL {e.Message}");
                continue;
            }

            var onnx = Path.Combine(folder, m.File);
            var state = !File.Exists(onnx) ? "MISSING " + m.File
                : m.Sha256.Length == 0 ? "present (no checksum pinned)"
                : Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(onnx))).Equals(m.Sha256, StringComparison.OrdinalIgnoreCase) ? "checksum ok" : "CHECKSUM MISMATCH";
            ok &= state.StartsWith("present", StringComparison.Ordinal) || state == "checksum ok";
            var role = m.Name switch
            {
                DefaultDetectors.Twin => "; default for twin cameras (trained on the twin's frames; NanoDet-m finds nothing there)",
                DefaultDetectors.RealCamera => "; default for real cameras (counted the real clips best within the CPU budget: models/README.md)",
                _ => string.Empty,
            };
            Console.WriteLine($"  {m.Name}: {m.Layout} {m.Input.Width}x{m.Input.Height}, {m.Classes.Count} classes, {m.Licence}, {state}{role}");
        }

        return ok;
    }

    // A damage model (disaster sites): its layout, tiles, finding classes, whether it is only a demonstration.
    private static bool ReportDamageModel(string folder, string path)
    {
        Domain.Assessment.DamageModelManifest d;
        try
        {
            d = Domain.Assessment.DamageModelManifestFile.Parse(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path), path);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine($"FAIL {e.Message}");
            return false;
        }

        var onnx = Path.Combine(folder, d.File);
        var state = !File.Exists(onnx) ? "MISSING " + d.File
            : d.Sha256.Length == 0 ? "present (no checksum pinned)"
            : Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(onnx))).Equals(d.Sha256, StringComparison.OrdinalIgnoreCase) ? "checksum ok" : "CHECKSUM MISMATCH";
        var demo = d.Demonstration ? "; a DEMONSTRATION trained on drawn imagery: a site replaces it with its own" : string.Empty;
        Console.WriteLine($"  {d.Name}: damage {d.Layout} {d.Input.Width}x{d.Input.Height} per {d.TilePixels} px tile, findings {string.Join(", ", d.Findings.Keys)}, {d.Licence}, {state}{demo}");
        return state.StartsWith("present", StringComparison.Ordinal) || state == "checksum ok";
    }
}
