namespace EdgeCity.Vision.Privacy;

/// <summary>Why a region of a frame was blurred: a cascade found a face or a plate, or the detector's box said where one may be.</summary>
public enum PrivacyRegionSource
{
    /// <summary>OpenCV's frontal-face Haar cascade.</summary>
    FaceCascade,

    /// <summary>One of OpenCV's licence-plate Haar cascades.</summary>
    PlateCascade,

    /// <summary>The upper part of a person box (head and shoulders).</summary>
    PersonBox,

    /// <summary>The lower band of a vehicle box, where plates are mounted.</summary>
    VehicleBox,
}
