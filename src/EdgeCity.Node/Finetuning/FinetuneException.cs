namespace EdgeCity.Node.Finetuning;

/// <summary>Input that <c>models finetune</c> cannot use, named in the message.</summary>
public sealed class FinetuneException(string message) : Exception(message);
