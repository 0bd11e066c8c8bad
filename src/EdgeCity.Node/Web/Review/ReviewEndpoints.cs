using System.Net;
using EdgeCity.Node.Api;
using EdgeCity.Node.Labelling;
using EdgeCity.Vision.Evaluation;

namespace EdgeCity.Node.Web.Review;

/// <summary>
/// The label review page (<c>models review</c>): a person steps through a labelled folder's frames, those listed for
/// review first, and fixes the boxes (draw, select, change class, delete), each frame saved back in YOLO txt. Plain
/// HTML and JS embedded in the node; the footage never leaves the box.
/// </summary>
public static class ReviewEndpoints
{
    public static void MapLabelReview(this WebApplication app, LabelReview review)
    {
        var page = EmbeddedAsset.Read("EdgeCity.Review.review.html")
            .Replace("{{FOLDER}}", WebUtility.HtmlEncode(review.Folder), StringComparison.Ordinal);
        app.MapGet("/", () => Results.Content(page, "text/html; charset=utf-8"));
        app.MapGet("/api/frames", () => Results.Ok(new { folder = review.Folder, classes = review.Classes, frames = review.Frames() }));
        app.MapGet("/api/frames/{name}/image", (string name) => review.ImagePath(name) is { } path
            ? Results.File(path, Path.GetExtension(path).ToLowerInvariant() == ".png" ? "image/png" : "image/jpeg")
            : NoFrame(name));
        app.MapGet("/api/frames/{name}/labels", (string name) =>
        {
            try
            {
                return review.Read(name) is { } labels ? Results.Ok(labels) : NoFrame(name);
            }
            catch (LabelSetException e)
            {
                return Results.Problem(statusCode: 422, title: $"frame {name}: its label file cannot be read", detail: e.Message);
            }
        });
        app.MapPut("/api/frames/{name}/labels", (string name, ReviewPayload? payload) =>
        {
            if (review.ImageSize(name) is not { } size)
            {
                return NoFrame(name);
            }

            var errors = Check(payload, review, size.Width, size.Height);
            if (errors.Any)
            {
                return errors.ToProblem($"frame {name}: the labels were not saved");
            }

            review.Write(name, payload!.Boxes!.Select(b => b!).ToList(), size.Width, size.Height);
            return Results.Ok(review.Read(name));
        });
    }

    /// <summary>What a saved frame's boxes must be: a known class, finite corners inside the image, at least 2 px each way.</summary>
    private static PayloadErrors Check(ReviewPayload? payload, LabelReview review, int width, int height)
    {
        var errors = new PayloadErrors();
        if (payload?.Boxes is not { } boxes)
        {
            errors.Add("boxes", "required: the frame's boxes (an empty list for a frame with no vehicle)");
            return errors;
        }

        for (var i = 0; i < boxes.Count; i++)
        {
            var b = boxes[i];
            var at = $"boxes[{i}]";
            if (b is null)
            {
                errors.Add(at, "a box, not null");
                continue;
            }

            if (b.Class is null || review.IndexOf(b.Class) < 0)
            {
                errors.Add($"{at}.class", $"'{b.Class}' is not one of {string.Join(", ", review.Classes)}");
            }

            foreach (var (field, value, limit) in new[] { ("left", b.Left, width), ("right", b.Right, width), ("top", b.Top, height), ("bottom", b.Bottom, height) })
            {
                if (!float.IsFinite(value) || value < 0 || value > limit)
                {
                    errors.Add($"{at}.{field}", $"{value} is outside the image (0 to {limit} pixels)");
                }
            }

            if (b.Right - b.Left < 2 || b.Bottom - b.Top < 2)
            {
                errors.Add(at, $"{b.Right - b.Left:0.#} x {b.Bottom - b.Top:0.#} pixels: a box needs right > left and bottom > top by 2 pixels or more");
            }
        }

        return errors;
    }

    private static IResult NoFrame(string name) => Results.Problem(statusCode: 404, title: $"no frame '{name}' in this folder's images/");

    /// <summary>The body of a save: the frame's boxes as the person left them.</summary>
    public sealed record ReviewPayload(IReadOnlyList<ReviewBox?>? Boxes);
}
