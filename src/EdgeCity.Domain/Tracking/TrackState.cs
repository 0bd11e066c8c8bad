namespace EdgeCity.Domain.Tracking;

/// <summary>Life cycle of a track.</summary>
public enum TrackState
{
    /// <summary>Seen fewer than the confirmation hits: may still be a false detection.</summary>
    Tentative,

    /// <summary>Confirmed and matched to a detection in the latest frame.</summary>
    Tracked,

    /// <summary>Confirmed but missed in recent frames; kept a while so an occluded vehicle keeps its id.</summary>
    Lost,

    /// <summary>Ended for good; its id is never used again.</summary>
    Removed,
}
