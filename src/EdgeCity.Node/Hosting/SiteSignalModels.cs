using EdgeCity.Domain.Signals;

namespace EdgeCity.Node.Hosting;

/// <summary>The signal model of every intersection this node controls, by intersection id (empty when it controls none).</summary>
public sealed record SiteSignalModels(IReadOnlyDictionary<string, IntersectionSignalModel> ById);
