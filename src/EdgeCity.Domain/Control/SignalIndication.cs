namespace EdgeCity.Domain.Control;

/// <summary>What one movement's signal shows. For pedestrian movements green is "walk" and yellow is "flashing don't walk".</summary>
public enum SignalIndication
{
    Red,
    Yellow,

    /// <summary>Protected green: the movement has right of way (SUMO 'G').</summary>
    Green,

    /// <summary>Permissive green: the movement may go but yields to its foes (SUMO 'g').</summary>
    PermissiveGreen,
}
