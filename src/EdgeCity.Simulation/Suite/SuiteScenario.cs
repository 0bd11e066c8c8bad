using EdgeCity.Simulation.Control;

namespace EdgeCity.Simulation.Suite;

/// <summary>One scenario of a suite: its name and what <c>sim</c> would run for it.</summary>
public sealed record SuiteScenario(string Name, SimScenario Scenario);
