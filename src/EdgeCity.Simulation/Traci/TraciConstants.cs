namespace EdgeCity.Simulation.Traci;

/// <summary>The subset of SUMO's TraCI command, variable and type codes this client speaks (values from SUMO 1.15's TraCIConstants.h).</summary>
public static class TraciConstants
{
    public const byte CmdGetVersion = 0x00;
    public const byte CmdSimStep = 0x02;
    public const byte CmdClose = 0x7F;
    public const byte CmdGetInductionLoopVariable = 0xa0;
    public const byte CmdGetTrafficLightVariable = 0xa2;
    public const byte CmdGetLaneVariable = 0xa3;
    public const byte CmdGetVehicleVariable = 0xa4;
    public const byte CmdGetSimulationVariable = 0xab;
    public const byte CmdGetLaneAreaVariable = 0xad;
    public const byte CmdGetPersonVariable = 0xae;
    public const byte CmdSetTrafficLightVariable = 0xc2;

    /// <summary>A get command's response carries its command id plus this offset.</summary>
    public const byte ResponseOffset = 0x10;

    public const byte TypePosition2D = 0x01;
    public const byte TypeUByte = 0x07;
    public const byte TypeByte = 0x08;
    public const byte TypeInteger = 0x09;
    public const byte TypeDouble = 0x0B;
    public const byte TypeString = 0x0C;
    public const byte TypeStringList = 0x0E;
    public const byte TypeCompound = 0x0F;

    public const byte StatusOk = 0x00;
    public const byte StatusNotImplemented = 0x01;
    public const byte StatusError = 0xFF;

    public const byte IdList = 0x00;
    public const byte IdCount = 0x01;
    public const byte LastStepVehicleNumber = 0x10;
    public const byte LastStepMeanSpeed = 0x11;
    public const byte LastStepVehicleIdList = 0x12;
    public const byte LastStepOccupancy = 0x13;
    public const byte LastStepHaltingNumber = 0x14;
    public const byte JamLengthVehicles = 0x18;
    public const byte JamLengthMeters = 0x19;

    public const byte TlRedYellowGreenState = 0x20;
    public const byte TlPhaseIndex = 0x22;
    public const byte TlProgram = 0x23;
    public const byte TlPhaseDuration = 0x24;
    public const byte TlControlledLinks = 0x27;
    public const byte TlCurrentPhase = 0x28;
    public const byte TlCurrentProgram = 0x29;
    public const byte TlNextSwitch = 0x2d;

    public const byte VarSpeed = 0x40;
    public const byte VarPosition = 0x42;
    public const byte VarAngle = 0x43;
    public const byte VarLength = 0x44;
    public const byte VarVehicleClass = 0x49;
    public const byte VarWidth = 0x4d;
    public const byte VarType = 0x4f;
    public const byte VarRoadId = 0x50;
    public const byte VarLaneId = 0x51;
    public const byte VarLanePosition = 0x56;
    public const byte VarTime = 0x66;
    public const byte VarWaitingTime = 0x7a;
    public const byte VarMinExpectedVehicles = 0x7d;
    public const byte VarArrivedNumber = 0x79;
    public const byte VarTimeLoss = 0x8c;
}
