namespace EdgeCity.Domain.Control;

/// <summary>A controller decision the validator refused or corrected, and what it did instead.</summary>
public sealed record ValidatorViolation(ValidatorRule Rule, string Detail);
