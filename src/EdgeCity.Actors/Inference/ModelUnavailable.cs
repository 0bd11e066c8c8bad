namespace EdgeCity.Actors.Inference;

/// <summary>Reply to <see cref="AttachCamera"/>: the model could not be loaded; <paramref name="Reason"/> names it and what is wrong.</summary>
public sealed record ModelUnavailable(string Model, string Reason);
