using System.Net.Http.Json;
using System.Text.Json;
using Akka.Actor;
using EdgeCity.Actors.Signals;
using EdgeCity.Domain.Control;

namespace EdgeCity.Node.Tests.Api;

[Collection(OperatorNodeCollection.Name)]
public sealed class ApproachFlowSpec
{
    [Fact]
    public async Task Flows_and_queues_the_coordinator_got_from_its_detectors_become_a_per_approach_history()
    {
        await using var node = await OperatorNode.StartAsync();
        await node.StartCoordinatorsAsync();
        var j1 = node.Site.Intersections[0];
        var approach = j1.Approaches[0].Id;

        // Detector data told to the coordinator only (as the demo loop does): nothing on the event stream.
        var flows = new[] { 360.0, 540.0, 720.0 };
        var history = new List<JsonElement>();
        foreach (var (flow, i) in flows.Select((f, i) => (f, i)))
        {
            node.Coordinators[j1.Id].Tell(new ApproachObservation(approach, new MovementObservation { QueueVehicles = 2 + i, FlowVehiclesPerHour = flow }, DateTimeOffset.UtcNow));
            var deadline = DateTime.UtcNow.AddSeconds(20);
            do
            {
                await Task.Delay(200);
                var x = await node.Http.GetFromJsonAsync<JsonElement>($"/api/intersections/{j1.Id}?audit=0");
                history = x.GetProperty("approaches").EnumerateArray().Single(a => a.GetProperty("id").GetString() == approach).GetProperty("history").EnumerateArray().ToList();
            }
            while (history.Count <= i && DateTime.UtcNow < deadline);
        }

        Assert.Equal(flows, history.Select(s => s.GetProperty("flowVehiclesPerHour").GetDouble()));
        Assert.Equal([15.0, 22.5, 30.0], history.Select(s => s.GetProperty("queueMetres").GetDouble()));
        Assert.Equal([4.0, 6.0, 8.0], history.Select(s => s.GetProperty("delaySeconds").GetDouble()));
    }
}
