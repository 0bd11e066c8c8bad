using EdgeCity.Domain.Counting;
using EdgeCity.Domain.Evaluation;
using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Sites;
using EdgeCity.Node.Api;

namespace EdgeCity.Node.Tests.Api;

/// <summary>A count line given through the API counts exactly as the same line in a site file: same "in", same names, same anchor.</summary>
public sealed class CountLineDirectionSpec
{
    [Fact]
    public void An_api_line_counts_in_the_same_direction_as_the_same_line_in_a_site_file_and_keeps_its_names_and_anchor()
    {
        var errors = new PayloadErrors();
        var payload = new AnalyticsPayload([new CountLinePayload("main", "N", [100, 300], [760, 300], "northbound", "southbound", "centre")], null);

        var (lines, _) = PayloadValidation.Analytics(payload, errors);

        Assert.False(errors.Any);
        var given = Assert.Single(lines);
        var site = new CountLineDefinition { Id = "main", Approach = "N", From = [100, 300], To = [760, 300] };
        var api = SiteCameraSetup.LineOf(given);
        Assert.Equal(SiteCameraSetup.LineOf(site).Start, api.Start);
        Assert.Equal(SiteCameraSetup.LineOf(site).End, api.End);
        // Walking from -> to (rightwards), the right-hand side is below: "in" moves up the image, and ends on the
        // analytics line's Forward side.
        Assert.True(api.SignedDistance(new Point2(400, 280)) > 0);
        Assert.Equal(AnchorPoint.Center, api.Anchor);
        Assert.Equal("northbound", given.DirectionName(inward: true));
        Assert.Equal("southbound", given.DirectionName(inward: false));
    }

    [Fact]
    public void An_unknown_anchor_and_two_directions_with_one_name_are_named_by_their_paths()
    {
        var errors = new PayloadErrors();
        var payload = new AnalyticsPayload([new CountLinePayload("main", "N", [100, 300], [760, 300], "north", "North", "middle")], null);

        PayloadValidation.Analytics(payload, errors);

        Assert.Equal(["countLines[0].anchor", "countLines[0].out"], errors.Fields.Order());
    }
}
