using System.Globalization;
using System.Runtime.InteropServices;

namespace EdgeCity.Node.Finetuning;

/// <summary>The machine a model was trained on, as the model card records it.</summary>
public sealed record MachineDescription(string Cpu, int LogicalCores, double MemoryGiB, string Os, string? Gpu)
{
    /// <summary>This machine; <paramref name="gpu"/> is the GPU PyTorch trained on, if any.</summary>
    public static MachineDescription Here(string? gpu)
    {
        var cpu = RuntimeInformation.ProcessArchitecture.ToString();
        double memory = 0;
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
            }

            if (File.Exists("/proc/meminfo") && File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } line)
            {
                memory = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / (1024 * 1024);
            }
        }
        catch (IOException)
        {
            // The card says less about the machine; the model is no worse for it.
        }

        return new MachineDescription(cpu, Environment.ProcessorCount, Math.Round(memory, 1), RuntimeInformation.OSDescription, gpu);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Cpu}, {LogicalCores} logical cores, {MemoryGiB:0.#} GiB, {Os}{(Gpu is null ? ", no GPU used" : $", GPU {Gpu}")}");
}
