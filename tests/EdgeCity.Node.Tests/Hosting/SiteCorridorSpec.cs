using System.Net.Http.Json;
using System.Text.Json;
using Akka.Actor;
using EdgeCity.Actors.Signals;
using EdgeCity.Domain.Sites;
using EdgeCity.Node.Tests.Api;

namespace EdgeCity.Node.Tests.Hosting;

/// <summary>A node runs its site file's corridors: the corridor singleton advises the intersections the site names.</summary>
[Collection(OperatorNodeCollection.Name)]
public sealed class SiteCorridorSpec
{
    [Fact]
    public async Task A_corridor_in_the_site_file_advises_its_intersections_a_common_cycle_and_leaves_the_others_alone()
    {
        var corridor = new CorridorDefinition
        {
            Id = "arterial", SpeedKmh = 50,
            Members = [new() { Intersection = "J1" }, new() { Intersection = "J2", Metres = 250 }],
        };
        await using var node = await OperatorNode.StartAdaptedAsync(site => site with
        {
            Intersections = site.Intersections.Select(x => x with { Controller = "fixed" }).ToList(),
            Corridors = [corridor],
        });
        await node.StartCoordinatorsAsync();

        // The first advice may come before the members' preferred cycles reach the singleton, and the common cycle then
        // moves once: wait until both members and the API show the same advice.
        IntersectionStatus? j1 = null, j2 = null;
        JsonElement shown = default;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            j1 = await node.Coordinators["J1"].Ask<IntersectionStatus>(GetIntersectionStatus.Instance, TimeSpan.FromSeconds(5));
            j2 = await node.Coordinators["J2"].Ask<IntersectionStatus>(GetIntersectionStatus.Instance, TimeSpan.FromSeconds(5));
            shown = await node.Http.GetFromJsonAsync<JsonElement>("/api/intersections/J2?audit=0");
            if (j1.Advice is not null && j2.Advice is not null && j1.Advice.CycleSeconds == j2.Advice.CycleSeconds
                && shown.GetProperty("corridor") is { ValueKind: JsonValueKind.Object } c && Math.Abs(c.GetProperty("cycleSeconds").GetDouble() - j2.Advice.CycleSeconds) < 0.05)
            {
                break;
            }

            await Task.Delay(200);
        }

        Assert.Equal("arterial", j1?.Advice?.CorridorId);
        Assert.Equal("arterial", j2?.Advice?.CorridorId);
        Assert.Equal(j1!.Advice!.CycleSeconds, j2!.Advice!.CycleSeconds); // one common cycle
        var j3 = await node.Coordinators["J3"].Ask<IntersectionStatus>(GetIntersectionStatus.Instance, TimeSpan.FromSeconds(5));
        Assert.Null(j3.Advice); // not in the corridor
        Assert.All([j1, j2, j3], s => Assert.Equal(0, s.RuleBreaks));

        // The operator sees it: the API names the corridor and its cycle for members only, and the metric agrees.
        Assert.Equal("arterial", shown.GetProperty("corridor").GetProperty("id").GetString());
        Assert.Equal(j2.Advice.CycleSeconds, shown.GetProperty("corridor").GetProperty("cycleSeconds").GetDouble(), 1);
        Assert.Equal(JsonValueKind.Null, (await node.Http.GetFromJsonAsync<JsonElement>("/api/intersections/J3?audit=0")).GetProperty("corridor").ValueKind);
        var metrics = await node.Http.GetStringAsync("/metrics");
        Assert.Matches(@"edgecity_signal_corridor_cycle_seconds\{intersection=""J2""\} [1-9]", metrics);
        Assert.Contains("edgecity_signal_corridor_cycle_seconds{intersection=\"J3\"} 0", metrics);
    }
}
