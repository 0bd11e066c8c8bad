using System.Buffers.Binary;
using System.Text;

namespace EdgeCity.Simulation.Traci;

/// <summary>Reads big-endian TraCI values from a received message, checking type tags so a protocol slip fails loudly.</summary>
public sealed class TraciReader(byte[] buffer)
{
    private int _position;

    public bool AtEnd => _position >= buffer.Length;

    public int Position => _position;

    public byte UByte()
    {
        Need(1);
        return buffer[_position++];
    }

    public int RawInt()
    {
        Need(4);
        var v = BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(_position));
        _position += 4;
        return v;
    }

    public double RawDouble()
    {
        Need(8);
        var v = BinaryPrimitives.ReadDoubleBigEndian(buffer.AsSpan(_position));
        _position += 8;
        return v;
    }

    public string RawString()
    {
        var length = RawInt();
        Need(length);
        var s = Encoding.Latin1.GetString(buffer, _position, length);
        _position += length;
        return s;
    }

    public IReadOnlyList<string> RawStringList()
    {
        var count = RawInt();
        var list = new string[count];
        for (var i = 0; i < count; i++)
        {
            list[i] = RawString();
        }

        return list;
    }

    /// <summary>Reads a command length (short or long form) and returns the position where the command ends.</summary>
    public int CommandEnd()
    {
        var start = _position;
        int length = UByte();
        if (length == 0)
        {
            length = RawInt();
        }

        return start + length;
    }

    public void Skip(int to) => _position = to;

    public void ExpectType(byte expected)
    {
        var actual = UByte();
        if (actual != expected)
        {
            throw new InvalidDataException($"TraCI: expected type 0x{expected:x2}, got 0x{actual:x2} at byte {_position - 1}");
        }
    }

    public int TypedInt()
    {
        ExpectType(TraciConstants.TypeInteger);
        return RawInt();
    }

    public double TypedDouble()
    {
        ExpectType(TraciConstants.TypeDouble);
        return RawDouble();
    }

    public string TypedString()
    {
        ExpectType(TraciConstants.TypeString);
        return RawString();
    }

    public IReadOnlyList<string> TypedStringList()
    {
        ExpectType(TraciConstants.TypeStringList);
        return RawStringList();
    }

    public (double X, double Y) TypedPosition2D()
    {
        ExpectType(TraciConstants.TypePosition2D);
        return (RawDouble(), RawDouble());
    }

    private void Need(int count)
    {
        if (_position + count > buffer.Length)
        {
            throw new InvalidDataException($"TraCI: message ends at byte {buffer.Length}, needed {count} more from {_position}");
        }
    }
}
