namespace EdgeCity.Simulation.Twin;

/// <summary>One vehicle visible in one frame: its SUMO id, box [left, top, right, bottom] in pixels, class, lane and SUMO type.</summary>
public sealed record TruthObject(string Id, float[] Box, string Class, string Lane, string Type);
