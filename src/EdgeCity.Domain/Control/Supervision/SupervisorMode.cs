namespace EdgeCity.Domain.Control.Supervision;

/// <summary>Who decides a supervised junction's signal.</summary>
public enum SupervisorMode
{
    /// <summary>The adaptive controller, on trial against the programme's outcomes.</summary>
    Adaptive,

    /// <summary>The programme the adaptive controller replaced, until the hold ends.</summary>
    Programme,
}
