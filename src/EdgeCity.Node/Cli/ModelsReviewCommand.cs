using System.CommandLine;
using EdgeCity.Node.Labelling;
using EdgeCity.Node.Web.Review;
using EdgeCity.Vision.Evaluation;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace EdgeCity.Node.Cli;

/// <summary>
/// <c>edgecity models review</c>: a page in the browser for a person to check and correct the labels <c>models label</c>
/// wrote (frames listed in review.txt first), saved back in YOLO txt, before <c>models finetune --labels</c> trains on them.
/// </summary>
public static class ModelsReviewCommand
{
    public static Command Build()
    {
        var labels = new Option<DirectoryInfo>("--labels") { Description = "The labelled folder (images/ and labels/, as models label writes it).", Required = true };
        var classes = new Option<string>("--classes") { Description = "Class names of the label files' ids, comma-separated.", DefaultValueFactory = _ => string.Join(',', FootageLabeller.TrainingClasses) };
        var urls = new Option<string>("--urls") { Description = "Where the page listens (the footage stays on this box: loopback by default; port 0 picks a free one).", DefaultValueFactory = _ => "http://127.0.0.1:8090" };
        var command = new Command("review", "Check and correct labels in the browser: draw, select, reclass and delete boxes, frame by frame, the frames listed for review first.") { labels, classes, urls };
        command.SetAction(async (parse, ct) =>
        {
            LabelReview review;
            try
            {
                var names = parse.GetValue(classes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (names.Length == 0 || names.Distinct(StringComparer.Ordinal).Count() != names.Length)
                {
                    throw new ArgumentException($"--classes: '{parse.GetValue(classes)}' must name each class once");
                }

                review = new LabelReview(parse.GetValue(labels)!.FullName, names);
            }
            catch (Exception e) when (e is LabelSetException or ArgumentException or IOException)
            {
                await Console.Error.WriteLineAsync($"review: {e.Message}");
                return 2;
            }

            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
            builder.WebHost.UseUrls(parse.GetValue(urls)!);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            await using var app = builder.Build();
            app.MapLabelReview(review);
            await app.StartAsync(ct);
            var frames = review.Frames();
            var at = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? parse.GetValue(urls)!;
            Console.WriteLine($"review: {review.Folder}: {frames.Count} frames, {frames.Count(f => f.Listed)} listed for review, {frames.Count(f => f.Reviewed)} reviewed");
            Console.WriteLine($"review: open {at}/ in a browser (Ctrl+C stops)");
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
