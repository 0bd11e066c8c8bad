namespace EdgeCity.Vision.Privacy;

/// <summary>Where the Haar cascades are and which detector classes count as people and vehicles.</summary>
public sealed class PrivacyBlurOptions
{
    /// <summary>Debian's <c>opencv-data</c> puts the cascades here.</summary>
    public const string DebianCascadeFolder = "/usr/share/opencv4/haarcascades";

    /// <summary>Folder with <c>haarcascade_frontalface_default.xml</c> and the plate cascades.</summary>
    public string CascadeFolder { get; set; } = DebianCascadeFolder;

    public IReadOnlyList<string> FaceCascades { get; set; } = ["haarcascade_frontalface_default.xml"];

    public IReadOnlyList<string> PlateCascades { get; set; } = ["haarcascade_russian_plate_number.xml", "haarcascade_licence_plate_rus_16stages.xml"];

    /// <summary>Detector classes whose box's upper part is blurred (a head may be there even when no face cascade fires).</summary>
    public IReadOnlyList<string> PersonClasses { get; set; } = ["person", "pedestrian", "cyclist"];

    /// <summary>Detector classes whose box's lower band is blurred (the plate band).</summary>
    public IReadOnlyList<string> VehicleClasses { get; set; } = ["car", "bus", "truck", "motorcycle", "van", "vehicle"];

    /// <summary>Share of a person box's height, from its top, that is blurred.</summary>
    public double PersonHeadShare { get; set; } = 0.4;

    /// <summary>Share of a vehicle box's height, from its bottom, that is blurred.</summary>
    public double VehiclePlateShare { get; set; } = 0.45;

    /// <summary>Step between cascade scales: 1.2 halves the work of OpenCV's usual 1.1 on a 2-core box and still finds faces of 20 px and up.</summary>
    public double CascadeScaleFactor { get; set; } = 1.2;

    /// <summary>Smallest face the cascade looks for, in pixels (smaller ones carry no identity at street-camera range).</summary>
    public int MinFacePixels { get; set; } = 20;

    /// <summary>Smallest plate width the cascades look for, in pixels (height a third of it).</summary>
    public int MinPlateWidthPixels { get; set; } = 36;

    /// <summary>Cascade regions and box regions grow by this share on each side: cascades draw tight boxes.</summary>
    public double Margin { get; set; } = 0.15;
}
