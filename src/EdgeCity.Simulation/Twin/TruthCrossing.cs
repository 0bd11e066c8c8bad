namespace EdgeCity.Simulation.Twin;

/// <summary>A vehicle crossing a count line in a frame; direction "in" is from the line's right-hand side to its left-hand side.</summary>
public sealed record TruthCrossing(string Line, string Vehicle, string Direction);
