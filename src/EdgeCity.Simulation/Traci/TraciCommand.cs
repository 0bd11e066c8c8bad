using System.Buffers.Binary;
using System.Text;

namespace EdgeCity.Simulation.Traci;

/// <summary>
/// Builds one TraCI command: a length (one byte, or a zero byte and a 4-byte length above 255), the command id, then
/// its content, all big-endian. Strings are a 4-byte length and Latin-1 bytes, as SUMO reads them.
/// </summary>
public sealed class TraciCommand
{
    private readonly MemoryStream _content = new();

    public TraciCommand(byte id) => Id = id;

    public byte Id { get; }

    /// <summary>A get/set command addressed to one object: variable id then object id.</summary>
    public static TraciCommand ForObject(byte command, byte variable, string objectId) =>
        new TraciCommand(command).UByte(variable).RawString(objectId);

    public TraciCommand UByte(byte value)
    {
        _content.WriteByte(value);
        return this;
    }

    public TraciCommand RawInt(int value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(b, value);
        _content.Write(b);
        return this;
    }

    public TraciCommand RawDouble(double value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(b, value);
        _content.Write(b);
        return this;
    }

    public TraciCommand RawString(string value)
    {
        var bytes = Encoding.Latin1.GetBytes(value);
        RawInt(bytes.Length);
        _content.Write(bytes);
        return this;
    }

    public TraciCommand TypedInt(int value) => UByte(TraciConstants.TypeInteger).RawInt(value);

    public TraciCommand TypedDouble(double value) => UByte(TraciConstants.TypeDouble).RawDouble(value);

    public TraciCommand TypedString(string value) => UByte(TraciConstants.TypeString).RawString(value);

    /// <summary>Appends the framed command (length, id, content) to <paramref name="message"/>.</summary>
    public void WriteTo(Stream message)
    {
        var content = _content.ToArray();
        var shortLength = 1 + 1 + content.Length;
        if (shortLength <= 255)
        {
            message.WriteByte((byte)shortLength);
        }
        else
        {
            // Long form: a zero byte, then the length counting itself (4), the zero byte, the id and the content.
            message.WriteByte(0);
            Span<byte> b = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(b, 1 + 4 + 1 + content.Length);
            message.Write(b);
        }

        message.WriteByte(Id);
        message.Write(content);
    }
}
