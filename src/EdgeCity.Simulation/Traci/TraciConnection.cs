using System.Buffers.Binary;
using System.Net.Sockets;
using static EdgeCity.Simulation.Traci.TraciConstants;

namespace EdgeCity.Simulation.Traci;

/// <summary>
/// A TraCI client over TCP. Each exchange sends one message (a 4-byte total length, then commands) and reads one
/// message back, in which every command gets a status response (and, for gets, a value response). Calls are
/// blocking and serialised: call them from a thread of your own, never from an actor's dispatcher.
/// </summary>
public sealed class TraciConnection : IDisposable
{
    /// <summary>SUMO's vClass of persons, given to <see cref="PersonStates"/>' states.</summary>
    public const string PedestrianClass = "pedestrian";

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly Lock _gate = new();
    private bool _closed;

    private TraciConnection(TcpClient client)
    {
        _client = client;
        _client.NoDelay = true;
        _stream = client.GetStream();
    }

    /// <summary>Connects to SUMO on 127.0.0.1, retrying until it listens or <paramref name="timeout"/> passes.</summary>
    public static async Task<TraciConnection> ConnectAsync(int port, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var client = new TcpClient();
            try
            {
                await client.ConnectAsync("127.0.0.1", port, cancellationToken);
                return new TraciConnection(client);
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                client.Dispose();
                await Task.Delay(50, cancellationToken);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }
    }

    /// <summary>TraCI API version and SUMO's version string (SUMO 1.15 speaks API 20).</summary>
    public (int ApiVersion, string SumoVersion) GetVersion() =>
        Exchange([new TraciCommand(CmdGetVersion)], (r, _) =>
        {
            var end = r.CommandEnd();
            Expect(r.UByte(), CmdGetVersion);
            var result = (r.RawInt(), r.RawString());
            r.Skip(end);
            return result;
        })[0];

    /// <summary>Advances the simulation one step (or up to <paramref name="targetTime"/> seconds when positive).</summary>
    public void Step(double targetTime = 0) =>
        Exchange([new TraciCommand(CmdSimStep).RawDouble(targetTime)], (r, _) =>
        {
            // No subscriptions are made, so the count that follows the status is zero.
            var subscriptions = r.RawInt();
            if (subscriptions != 0)
            {
                throw new InvalidDataException($"TraCI: {subscriptions} subscription results, none were requested");
            }

            return 0;
        });

    /// <summary>Simulation time in seconds.</summary>
    public double Time => Get(CmdGetSimulationVariable, VarTime, string.Empty, r => r.TypedDouble());

    /// <summary>Vehicles still in the network or waiting to depart; 0 means the scenario is over.</summary>
    public int MinExpectedVehicles => Get(CmdGetSimulationVariable, VarMinExpectedVehicles, string.Empty, r => r.TypedInt());

    public IReadOnlyList<string> VehicleIds() => Get(CmdGetVehicleVariable, IdList, string.Empty, r => r.TypedStringList());

    public (double X, double Y) VehiclePosition(string id) => Get(CmdGetVehicleVariable, VarPosition, id, r => r.TypedPosition2D());

    public double VehicleAngle(string id) => Get(CmdGetVehicleVariable, VarAngle, id, r => r.TypedDouble());

    public double VehicleSpeed(string id) => Get(CmdGetVehicleVariable, VarSpeed, id, r => r.TypedDouble());

    public string VehicleLane(string id) => Get(CmdGetVehicleVariable, VarLaneId, id, r => r.TypedString());

    /// <summary>Every listed vehicle's state in one round trip (eight gets per vehicle batched into one message).</summary>
    public IReadOnlyList<VehicleState> VehicleStates(IReadOnlyList<string> ids) =>
        States(CmdGetVehicleVariable, [VarPosition, VarAngle, VarSpeed, VarLength, VarWidth, VarType, VarVehicleClass, VarLaneId], ids,
            (id, v) => new VehicleState(id, v.Position.X, v.Position.Y, v.Number(1), v.Number(2), v.Number(3), v.Number(4), v.Text(5), v.Text(6), v.Text(7)));

    /// <summary>The persons (pedestrians) walking or waiting in the network.</summary>
    public IReadOnlyList<string> PersonIds() => Get(CmdGetPersonVariable, IdList, string.Empty, r => r.TypedStringList());

    /// <summary>
    /// Every listed person's state in one round trip, as a <see cref="VehicleState"/> of SUMO class "pedestrian": a
    /// person's length is front to back (about 0.2 m), so the front-bumper rule of vehicles moves it by centimetres
    /// only. The lane field holds the edge (sidewalk, crossing, walking area).
    /// </summary>
    public IReadOnlyList<VehicleState> PersonStates(IReadOnlyList<string> ids) =>
        States(CmdGetPersonVariable, [VarPosition, VarAngle, VarSpeed, VarLength, VarWidth, VarType, VarRoadId], ids,
            (id, v) => new VehicleState(id, v.Position.X, v.Position.Y, v.Number(1), v.Number(2), v.Number(3), v.Number(4), v.Text(5), PedestrianClass, v.Text(6)));

    /// <summary>One variable of many objects in one round trip (for per-step detector reads of a whole network).</summary>
    public T[] GetMany<T>(byte command, byte variable, IReadOnlyList<string> objectIds, Func<TraciReader, T> read)
    {
        if (objectIds.Count == 0)
        {
            return [];
        }

        var commands = objectIds.Select(id => TraciCommand.ForObject(command, variable, id)).ToList();
        return Exchange(commands, (r, _) => ReadValue(r, command, variable, read));
    }

    /// <summary>Sets many traffic lights' state strings in one round trip.</summary>
    public void SetRedYellowGreenStates(IReadOnlyList<(string TlsId, string State)> states)
    {
        if (states.Count > 0)
        {
            Exchange(states.Select(s => TraciCommand.ForObject(CmdSetTrafficLightVariable, TlRedYellowGreenState, s.TlsId).TypedString(s.State)).ToList(), (_, _) => 0);
        }
    }

    public int LaneVehicleCount(string laneId) => Get(CmdGetLaneVariable, LastStepVehicleNumber, laneId, r => r.TypedInt());

    public int LaneHaltingCount(string laneId) => Get(CmdGetLaneVariable, LastStepHaltingNumber, laneId, r => r.TypedInt());

    /// <summary>Sum of the waiting times of the vehicles on the lane, in seconds.</summary>
    public double LaneWaitingTime(string laneId) => Get(CmdGetLaneVariable, VarWaitingTime, laneId, r => r.TypedDouble());

    public IReadOnlyList<string> InductionLoopIds() => Get(CmdGetInductionLoopVariable, IdList, string.Empty, r => r.TypedStringList());

    /// <summary>Vehicles that touched the E1 loop during the last step.</summary>
    public int InductionLoopVehicleCount(string id) => Get(CmdGetInductionLoopVariable, LastStepVehicleNumber, id, r => r.TypedInt());

    public double InductionLoopMeanSpeed(string id) => Get(CmdGetInductionLoopVariable, LastStepMeanSpeed, id, r => r.TypedDouble());

    public double InductionLoopOccupancy(string id) => Get(CmdGetInductionLoopVariable, LastStepOccupancy, id, r => r.TypedDouble());

    public IReadOnlyList<string> LaneAreaIds() => Get(CmdGetLaneAreaVariable, IdList, string.Empty, r => r.TypedStringList());

    public int LaneAreaVehicleCount(string id) => Get(CmdGetLaneAreaVariable, LastStepVehicleNumber, id, r => r.TypedInt());

    public int LaneAreaHaltingCount(string id) => Get(CmdGetLaneAreaVariable, LastStepHaltingNumber, id, r => r.TypedInt());

    public double LaneAreaJamLengthMeters(string id) => Get(CmdGetLaneAreaVariable, JamLengthMeters, id, r => r.TypedDouble());

    public double LaneAreaOccupancy(string id) => Get(CmdGetLaneAreaVariable, LastStepOccupancy, id, r => r.TypedDouble());

    public IReadOnlyList<string> TrafficLightIds() => Get(CmdGetTrafficLightVariable, IdList, string.Empty, r => r.TypedStringList());

    /// <summary>The signal state string, one of r/y/g/G/s/u/o/O per controlled link.</summary>
    public string GetRedYellowGreenState(string tlsId) => Get(CmdGetTrafficLightVariable, TlRedYellowGreenState, tlsId, r => r.TypedString());

    public void SetRedYellowGreenState(string tlsId, string state) =>
        Set(TraciCommand.ForObject(CmdSetTrafficLightVariable, TlRedYellowGreenState, tlsId).TypedString(state));

    public int GetPhase(string tlsId) => Get(CmdGetTrafficLightVariable, TlCurrentPhase, tlsId, r => r.TypedInt());

    public void SetPhase(string tlsId, int index) =>
        Set(TraciCommand.ForObject(CmdSetTrafficLightVariable, TlPhaseIndex, tlsId).TypedInt(index));

    /// <summary>Total duration of the current phase in seconds.</summary>
    public double GetPhaseDuration(string tlsId) => Get(CmdGetTrafficLightVariable, TlPhaseDuration, tlsId, r => r.TypedDouble());

    /// <summary>Sets the remaining duration of the current phase in seconds.</summary>
    public void SetPhaseDuration(string tlsId, double seconds) =>
        Set(TraciCommand.ForObject(CmdSetTrafficLightVariable, TlPhaseDuration, tlsId).TypedDouble(seconds));

    /// <summary>Absolute simulation time of the next phase switch, in seconds.</summary>
    public double GetNextSwitch(string tlsId) => Get(CmdGetTrafficLightVariable, TlNextSwitch, tlsId, r => r.TypedDouble());

    public string GetProgram(string tlsId) => Get(CmdGetTrafficLightVariable, TlCurrentProgram, tlsId, r => r.TypedString());

    public void SetProgram(string tlsId, string programId) =>
        Set(TraciCommand.ForObject(CmdSetTrafficLightVariable, TlProgram, tlsId).TypedString(programId));

    /// <summary>For each link index, the links it drives (usually one).</summary>
    public IReadOnlyList<IReadOnlyList<TraciLink>> GetControlledLinks(string tlsId) =>
        Get(CmdGetTrafficLightVariable, TlControlledLinks, tlsId, r =>
        {
            r.ExpectType(TypeCompound);
            r.RawInt();
            var signals = r.TypedInt();
            var result = new List<IReadOnlyList<TraciLink>>(signals);
            for (var s = 0; s < signals; s++)
            {
                var count = r.TypedInt();
                var links = new List<TraciLink>(count);
                for (var l = 0; l < count; l++)
                {
                    var lanes = r.TypedStringList();
                    links.Add(new TraciLink(lanes[0], lanes[1], lanes.Count > 2 ? lanes[2] : string.Empty));
                }

                result.Add(links);
            }

            return result;
        });

    /// <summary>Asks SUMO to end the simulation and closes the socket; safe to call twice.</summary>
    public void Close()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
        }

        try
        {
            ExchangeUnlocked([new TraciCommand(CmdClose)], (_, _) => 0);
        }
        catch (Exception ex) when (ex is IOException or SocketException or InvalidDataException)
        {
            // SUMO may already be gone; closing must still succeed.
        }
        finally
        {
            _client.Dispose();
        }
    }

    public void Dispose() => Close();

    // Several variables of many objects in one message: positions as 2D points, ids and names as strings, the rest doubles.
    private VehicleState[] States(byte command, byte[] vars, IReadOnlyList<string> ids, Func<string, ObjectValues, VehicleState> make)
    {
        if (ids.Count == 0)
        {
            return []; // an empty TraCI message makes SUMO close the connection
        }

        var commands = new List<TraciCommand>(ids.Count * vars.Length);
        foreach (var id in ids)
        {
            commands.AddRange(vars.Select(v => TraciCommand.ForObject(command, v, id)));
        }

        var values = Exchange(commands, (r, i) => ReadValue(r, command, vars[i % vars.Length], reader => vars[i % vars.Length] switch
        {
            VarPosition => (object)reader.TypedPosition2D(),
            VarType or VarVehicleClass or VarLaneId or VarRoadId => reader.TypedString(),
            _ => reader.TypedDouble(),
        }));
        var states = new VehicleState[ids.Count];
        for (var o = 0; o < ids.Count; o++)
        {
            states[o] = make(ids[o], new ObjectValues(values, o * vars.Length));
        }

        return states;
    }

    private T Get<T>(byte command, byte variable, string objectId, Func<TraciReader, T> read) =>
        Exchange([TraciCommand.ForObject(command, variable, objectId)], (r, _) => ReadValue(r, command, variable, read))[0];

    private void Set(TraciCommand command) => Exchange([command], (_, _) => 0);

    private static T ReadValue<T>(TraciReader r, byte command, byte variable, Func<TraciReader, T> read)
    {
        var end = r.CommandEnd();
        Expect(r.UByte(), (byte)(command + ResponseOffset));
        Expect(r.UByte(), variable);
        r.RawString();
        var value = read(r);
        r.Skip(end);
        return value;
    }

    private static void Expect(byte actual, byte expected)
    {
        if (actual != expected)
        {
            throw new InvalidDataException($"TraCI: expected 0x{expected:x2}, got 0x{actual:x2}");
        }
    }

    private T[] Exchange<T>(IReadOnlyList<TraciCommand> commands, Func<TraciReader, int, T> readResponse)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            return ExchangeUnlocked(commands, readResponse);
        }
    }

    private T[] ExchangeUnlocked<T>(IReadOnlyList<TraciCommand> commands, Func<TraciReader, int, T> readResponse)
    {
        using var body = new MemoryStream();
        body.Write(new byte[4]);
        foreach (var command in commands)
        {
            command.WriteTo(body);
        }

        var message = body.GetBuffer();
        BinaryPrimitives.WriteInt32BigEndian(message, (int)body.Length);
        _stream.Write(message, 0, (int)body.Length);

        var reader = new TraciReader(ReceiveMessage());
        var results = new T[commands.Count];
        TraciException? error = null;
        for (var i = 0; i < commands.Count; i++)
        {
            // Each command is answered by a status (length, id, result code, description), then its own content.
            var end = reader.CommandEnd();
            var id = reader.UByte();
            var status = reader.UByte();
            var description = reader.RawString();
            reader.Skip(end);
            if (status != StatusOk)
            {
                // SUMO answers an error with the status only; the rest of the batch cannot be read reliably.
                error ??= new TraciException(
                    $"SUMO {(status == StatusNotImplemented ? "does not implement" : "refused")} command 0x{id:x2}: {description}", id);
                break;
            }

            Expect(id, commands[i].Id);
            results[i] = readResponse(reader, i);
        }

        return error is null ? results : throw error;
    }

    private byte[] ReceiveMessage()
    {
        Span<byte> header = stackalloc byte[4];
        _stream.ReadExactly(header);
        var length = BinaryPrimitives.ReadInt32BigEndian(header) - 4;
        if (length < 0)
        {
            throw new InvalidDataException($"TraCI: message length {length + 4} is shorter than its header");
        }

        var body = new byte[length];
        _stream.ReadExactly(body);
        return body;
    }

    // One object's slice of a batched answer, in the order its variables were asked for.
    private readonly record struct ObjectValues(object[] Values, int Offset)
    {
        public (double X, double Y) Position => ((double, double))Values[Offset];

        public double Number(int k) => (double)Values[Offset + k];

        public string Text(int k) => (string)Values[Offset + k];
    }
}
