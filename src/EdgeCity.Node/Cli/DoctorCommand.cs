using System.CommandLine;
using EdgeCity.Simulation.Sumo;
using EdgeCity.Vision.Runtime;

namespace EdgeCity.Node.Cli;

/// <summary><c>edgecity doctor</c>: check that the native libraries and tools this box needs are present.</summary>
public static class DoctorCommand
{
    public static Command Build()
    {
        var command = new Command("doctor", "Check this box: OpenCV and ONNX Runtime native libraries, execution providers, SUMO.");
        command.SetAction(_ =>
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

            return ok ? 0 : 1;
        });
        return command;
    }
}
