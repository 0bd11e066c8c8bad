using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Geometry;
using OpenCvSharp;

namespace EdgeCity.Vision.Tests.Privacy;

/// <summary>
/// A street frame drawn with OpenCV: textured tarmac, a pedestrian with a drawn face, a car with a plate
/// (black characters on white, Russian format) and a second plate on its own; plus the detector boxes a model would give.
/// </summary>
internal static class StreetScene
{
    public static readonly Rect Plate = new(470, 420, 180, 40);
    public static readonly Rect LoosePlate = new(60, 600, 210, 46);
    public static readonly BoxF PersonBox = new(150, 120, 270, 460);
    public static readonly BoxF CarBox = new(380, 250, 760, 480);

    public static Detection[] Detections =>
        [new(PersonBox, 5, "person", 0.9f), new(CarBox, 0, "car", 0.95f)];

    public static Mat Render()
    {
        var image = new Mat(720, 1280, MatType.CV_8UC3);
        // Fine, deterministic texture everywhere: detail that blurring must destroy and that must survive elsewhere.
        Cv2.Randu(image, new Scalar(70, 70, 70), new Scalar(140, 140, 140));
        for (var y = 0; y < 720; y += 24)
        {
            Cv2.PutText(image, "EDGECITY 0123456789 AVENUE", new Point(800, y + 18), HersheyFonts.HersheySimplex, 0.6, Scalar.White, 1);
        }

        // Pedestrian: body and a face (skin oval, eyes, brows, nose, mouth).
        Cv2.Rectangle(image, new Rect(160, 230, 100, 230), new Scalar(90, 40, 30), -1);
        Cv2.Ellipse(image, new Point(210, 175), new Size(38, 50), 0, 0, 360, new Scalar(150, 180, 225), -1);
        foreach (var ex in new[] { 195, 225 })
        {
            Cv2.Ellipse(image, new Point(ex, 165), new Size(7, 4), 0, 0, 360, new Scalar(30, 30, 30), -1);
            Cv2.Line(image, new Point(ex - 9, 153), new Point(ex + 9, 153), new Scalar(40, 40, 60), 3);
        }

        Cv2.Line(image, new Point(210, 170), new Point(210, 190), new Scalar(110, 140, 190), 2);
        Cv2.Ellipse(image, new Point(210, 203), new Size(13, 5), 0, 0, 180, new Scalar(60, 60, 150), 3);

        // Car with a plate in its lower band.
        Cv2.Rectangle(image, new Rect(390, 270, 360, 200), new Scalar(40, 40, 170), -1);
        DrawPlate(image, Plate, "A123BC 77");
        DrawPlate(image, LoosePlate, "K456MO 99");
        return image;
    }

    private static void DrawPlate(Mat image, Rect plate, string text)
    {
        Cv2.Rectangle(image, plate, Scalar.White, -1);
        Cv2.Rectangle(image, plate, Scalar.Black, 2);
        Cv2.PutText(image, text, new Point(plate.X + 8, plate.Y + plate.Height - 10), HersheyFonts.HersheySimplex, plate.Height / 40.0, Scalar.Black, 2);
    }
}
