namespace EdgeCity.Domain.Control.Supervision;

/// <summary>Who decides a supervised junction's signal.</summary>
public enum SupervisorMode
{
    /// <summary>The adaptive controller, on trial against the fallback's outcomes.</summary>
    Adaptive,

    /// <summary>Handed back: the fallback (actuated control on the programme's phases) decides until the hold ends.</summary>
    HandedBack,
}
