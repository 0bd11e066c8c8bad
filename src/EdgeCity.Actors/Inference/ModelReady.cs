namespace EdgeCity.Actors.Inference;

/// <summary>Reply to <see cref="AttachCamera"/>: the model is loaded and runs on <paramref name="Provider"/>.</summary>
public sealed record ModelReady(string Model, string Provider);
