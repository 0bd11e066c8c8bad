namespace EdgeCity.Actors.Signals;

/// <summary>Receives every decision that changed a signal. Writing must not block the caller (an actor).</summary>
public interface ISignalAuditLog
{
    void Write(SignalAuditRecord record);
}
