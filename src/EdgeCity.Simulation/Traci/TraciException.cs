namespace EdgeCity.Simulation.Traci;

/// <summary>SUMO refused a TraCI command; <see cref="Exception.Message"/> carries SUMO's own words.</summary>
public sealed class TraciException(string message, byte command) : Exception(message)
{
    /// <summary>The TraCI command id SUMO answered with an error.</summary>
    public byte Command { get; } = command;
}
