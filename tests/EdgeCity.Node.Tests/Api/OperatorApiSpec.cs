using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Akka.Actor;
using EdgeCity.Actors.Analytics;
using EdgeCity.Domain.Measurements;
using EdgeCity.Node.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCity.Node.Tests.Api;

[Collection(OperatorNodeCollection.Name)]
public sealed class OperatorApiSpec
{
    private const string Token = "a-long-random-test-token";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Without_a_configured_token_every_change_is_refused_with_a_problem_saying_how_to_configure_one()
    {
        await using var node = await OperatorNode.StartAsync(token: null);
        node.Http.DefaultRequestHeaders.Authorization = new("Bearer", "anything");

        var problem = await ProblemAsync(await node.Http.DeleteAsync("/api/cameras/cam-N1_J1"), HttpStatusCode.Forbidden);
        Assert.Contains("EdgeCity:Api:Token", problem.GetProperty("detail").GetString());
        Assert.Contains("EdgeCity__Api__Token", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await node.Http.GetAsync("/api/cameras")).StatusCode); // reading stays open
    }

    [Fact]
    public async Task Changes_need_the_configured_token_and_invalid_payloads_get_problem_details_naming_the_field()
    {
        await using var node = await OperatorNode.StartAsync(Token);
        var camera = node.Site.Cameras[0];

        await ProblemAsync(await node.Http.DeleteAsync($"/api/cameras/{camera.Id}"), HttpStatusCode.Unauthorized);
        node.Http.DefaultRequestHeaders.Authorization = new("Bearer", "wrong-token");
        await ProblemAsync(await node.Http.DeleteAsync($"/api/cameras/{camera.Id}"), HttpStatusCode.Unauthorized);
        node.Http.DefaultRequestHeaders.Authorization = new("Bearer", Token);

        var bad = await ProblemAsync(
            await node.Http.PutAsync($"/api/cameras/{camera.Id}/analytics", Json("""{"countLines":[{"id":"in","from":[10],"to":[100,200]}],"zones":[{"id":"z","lane":"l","polygon":[[0,0],[1,1]]}]}""")),
            HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.True(errors.TryGetProperty("countLines[0].from", out _), bad.ToString());
        Assert.True(errors.TryGetProperty("zones[0].polygon", out _), bad.ToString());

        var notJson = await ProblemAsync(await node.Http.PutAsync($"/api/cameras/{camera.Id}/analytics", Json("""{"countLines": 5}""")), HttpStatusCode.BadRequest);
        Assert.True(notJson.GetProperty("errors").TryGetProperty("$.countLines", out _), notJson.ToString());

        var unknown = await ProblemAsync(
            await node.Http.PostAsync("/api/cameras", Json("""{"id":"cam-new","source":"rtsp://10.0.0.9/stream","intersection":"J9","approach":"x"}""")),
            HttpStatusCode.BadRequest);
        Assert.Contains("J9", unknown.GetProperty("errors").GetProperty("intersection")[0].GetString());

        // Every error at once, in the API's words: an unknown field, a wrong type, a source that is no camera.
        var x = node.Site.Intersections[0];
        var typo = await ProblemAsync(
            await node.Http.PostAsync("/api/cameras", Json($$"""{"id":"cam-typo","source":"rtsp://10.0.0.9/s","intersection":"{{x.Id}}","approach":"{{x.Approaches[0].Id}}","bogus":1}""")),
            HttpStatusCode.BadRequest);
        Assert.Equal("unknown field", typo.GetProperty("errors").GetProperty("bogus")[0].GetString());
        var type = await ProblemAsync(
            await node.Http.PostAsync("/api/cameras", Json($$"""{"id":"cam-type","source":"rtsp://10.0.0.9/s","intersection":"{{x.Id}}","approach":"{{x.Approaches[0].Id}}","maxFps":"fast"}""")),
            HttpStatusCode.BadRequest);
        Assert.Equal("must be a number", type.GetProperty("errors").GetProperty("$.maxFps")[0].GetString());
        foreach (var (source, says) in new[] { ("/etc/passwd", "not a video file"), ("file:///etc/passwd", "absolute path"), ("/srv/clips/../../etc/x.mp4", "without '..'"), ("ftp://cam/x", "not a camera stream") })
        {
            var refused = await ProblemAsync(
                await node.Http.PostAsync("/api/cameras", Json($$"""{"id":"cam-src","source":"{{source}}","intersection":"{{x.Id}}","approach":"{{x.Approaches[0].Id}}"}""")),
                HttpStatusCode.BadRequest);
            Assert.Contains(says, refused.GetProperty("errors").GetProperty("source")[0].GetString());
        }
    }

    [Fact]
    public async Task A_bad_query_and_an_oversized_body_get_problem_details_not_empty_answers()
    {
        await using var node = await OperatorNode.StartAsync(Token);
        node.Http.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        var x = node.Site.Intersections[0];

        var query = await ProblemAsync(await node.Http.GetAsync($"/api/intersections/{x.Id}?audit=abc"), HttpStatusCode.BadRequest);
        Assert.Contains("'abc'", query.GetProperty("errors").GetProperty("audit")[0].GetString());

        // Expect: 100-continue, so the client waits for the server's answer before sending the body: the node refuses it
        // from its declared length, and the test never races the server closing the connection mid-upload.
        var huge = "{\"countLines\":[],\"pad\":\"" + new string('x', 1100 * 1024) + "\"}";
        using var upload = new HttpRequestMessage(HttpMethod.Put, $"/api/cameras/{node.Site.Cameras[0].Id}/analytics") { Content = Json(huge) };
        upload.Headers.ExpectContinue = true;
        upload.Headers.Authorization = new("Bearer", Token);
        using var patient = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) }) { BaseAddress = node.Http.BaseAddress };
        var tooLarge = await ProblemAsync(await patient.SendAsync(upload), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1024 KiB", tooLarge.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_token_anyone_could_guess_stops_the_node_at_start_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<NodeConfigurationException>(() => OperatorNode.StartAsync(token: "x"));

        Assert.Contains("EdgeCity:Api:Token: has 1 characters; at least 16 are required", error.Message);
        Assert.Contains("(set in command line --EdgeCity:Api:Token)", error.Message);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        await using var node = await OperatorNode.StartAsync(Token);

        var page = await node.Http.GetAsync("/api/cameras");
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Every_change_and_every_refused_attempt_is_on_record_with_the_operator_who_made_it()
    {
        var file = Path.Combine(Path.GetTempPath(), $"edgecity-changes-{Guid.NewGuid():N}.jsonl");
        await using var node = await OperatorNode.StartAsync(Token, $"--EdgeCity:Api:ChangeLog={file}", "--EdgeCity:Api:Operators:alice=alice-has-her-own-long-token");
        var x = node.Site.Intersections[0];
        var add = $$"""{"id":"cam-audit","source":"rtsp://admin:secret@10.0.0.9/stream","intersection":"{{x.Id}}","approach":"{{x.Approaches[0].Id}}"}""";

        node.Http.DefaultRequestHeaders.Authorization = new("Bearer", "a-guess-that-is-wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await node.Http.DeleteAsync("/api/cameras/cam-audit")).StatusCode);
        node.Http.DefaultRequestHeaders.Authorization = new("Bearer", "alice-has-her-own-long-token");
        Assert.Equal(HttpStatusCode.Created, (await node.Http.PostAsync("/api/cameras", Json(add))).StatusCode);
        node.Http.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        Assert.Equal(HttpStatusCode.NoContent, (await node.Http.DeleteAsync("/api/cameras/cam-audit")).StatusCode);

        var answer = await node.Http.GetFromJsonAsync<JsonElement>("/api/changes?last=3");
        var changes = answer.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(
            [(null, "DELETE", "/api/cameras/cam-audit", 401), ("alice", "POST", "/api/cameras", 201), ("operator", "DELETE", "/api/cameras/cam-audit", 204)],
            changes.Select(c => (c.GetProperty("operator").GetString(), c.GetProperty("method").GetString(), c.GetProperty("path").GetString(), c.GetProperty("status").GetInt32())));
        var body = changes[1].GetProperty("body").GetString()!;
        Assert.Contains("\"id\":\"cam-audit\"", body);
        Assert.Contains("rtsp://***@10.0.0.9/stream", body); // the camera's password is not kept
        Assert.DoesNotContain("secret", body);
        Assert.Equal("127.0.0.1", changes[0].GetProperty("client").GetString());

        // The same records are in the file, which outlives the node.
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"operator\":\"alice\"", lines[1]);
        File.Delete(file);
        await ProblemAsync(await node.Http.GetAsync("/api/changes?last=x"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Cameras_are_added_listed_and_removed_at_run_time()
    {
        await using var node = await OperatorNode.StartAsync(Token);
        node.Http.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        var x = node.Site.Intersections[0];
        var before = await node.Http.GetFromJsonAsync<JsonElement>("/api/cameras");
        Assert.Equal(node.Site.Cameras.Count, before.GetArrayLength());

        var added = await node.Http.PostAsync("/api/cameras", Json($$"""{"id":"cam-extra","source":"rtsp://10.0.0.9/stream","intersection":"{{x.Id}}","approach":"{{x.Approaches[0].Id}}","countLines":[{"id":"in","from":[100,400],"to":[500,400]}]}"""));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        // This node runs its site's camera path, so the camera starts and counts; without a calibration it measures no
        // speeds or queues, but counting needs none.
        var addedBody = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(addedBody.GetProperty("started").GetBoolean());
        Assert.True(addedBody.GetProperty("analytics").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await node.Http.PostAsync("/api/cameras", Json($$"""{"id":"cam-extra","source":"rtsp://10.0.0.10/other","intersection":"{{x.Id}}","approach":"{{x.Approaches[0].Id}}"}"""))).StatusCode);
        var listed = await node.Http.GetFromJsonAsync<JsonElement>("/api/cameras");
        var extra = listed.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "cam-extra");
        Assert.Equal(1, extra.GetProperty("countLines").GetInt32());
        Assert.True(extra.GetProperty("addedAtRunTime").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await node.Http.DeleteAsync("/api/cameras/cam-extra")).StatusCode);
        await ProblemAsync(await node.Http.DeleteAsync("/api/cameras/cam-extra"), HttpStatusCode.NotFound);
        Assert.Equal(node.Site.Cameras.Count, (await node.Http.GetFromJsonAsync<JsonElement>("/api/cameras")).GetArrayLength());
    }

    [Fact]
    public async Task Count_lines_and_zones_change_at_run_time_through_the_cameras_analytics_actor()
    {
        await using var node = await OperatorNode.StartAsync(Token);
        node.Http.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        var camera = node.Site.Cameras[0];
        var x = node.Site.Intersections[0];

        // A camera registered without a calibration counts, but lane zones (queues in metres) are refused, clearly,
        // and its lines stay as they were.
        await node.Http.PostAsync("/api/cameras", Json($$"""{"id":"cam-uncalibrated","source":"rtsp://10.0.0.9/stream","intersection":"{{x.Id}}","approach":"{{x.Approaches[0].Id}}","countLines":[]}"""));
        var zoneless = """{"zones":[{"id":"z","lane":"l","polygon":[[100,300],[300,300],[300,700],[100,700]],"stopLine":[[100,300],[300,300]]}]}""";
        var refused = await ProblemAsync(await node.Http.PutAsync("/api/cameras/cam-uncalibrated/analytics", Json(zoneless)), HttpStatusCode.BadRequest);
        Assert.Contains("need a calibration", refused.GetRawText());
        Assert.Equal(HttpStatusCode.OK, (await node.Http.PutAsync("/api/cameras/cam-uncalibrated/analytics", Json("""{"countLines":[{"id":"in","from":[100,400],"to":[600,400]}]}"""))).StatusCode);

        // A site camera's analytics run on the node that runs the camera: the running actor takes the new lines and
        // zone and answers with what it now measures.
        var body = """
            {"countLines":[{"id":"in","from":[100,400],"to":[600,400]},{"id":"out","from":[600,200],"to":[100,200]}],
             "zones":[{"id":"lane0","lane":"lane-0","polygon":[[100,300],[300,300],[300,700],[100,700]],"stopLine":[[100,300],[300,300]]}]}
            """;
        var response = await node.Http.PutAsync($"/api/cameras/{camera.Id}/analytics", Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, answer.GetProperty("countLines").GetInt32());
        Assert.Equal(1, answer.GetProperty("zones").GetInt32());

        var shown = await node.Http.GetFromJsonAsync<JsonElement>($"/api/cameras/{camera.Id}");
        Assert.Equal(2, shown.GetProperty("definition").GetProperty("countLines").GetArrayLength());
        Assert.Equal(1, shown.GetProperty("status").GetProperty("zones").GetInt32());
    }

    [Fact]
    public async Task Intersections_show_the_coordinators_phase_timeline_audit_and_measurements()
    {
        await using var node = await OperatorNode.StartAsync();
        await node.StartCoordinatorsAsync();
        var x = node.Site.Intersections[0];
        for (var step = 0; step < 3; step++)
        {
            node.Measure(step);
            await Task.Delay(300);
        }

        var detail = await WaitForAsync(node, $"/api/intersections/{x.Id}", d => d.GetProperty("phase").ValueKind == JsonValueKind.String && d.GetProperty("controller").GetString() == "actuated" && d.GetProperty("approaches")[0].GetProperty("history").GetArrayLength() >= 3);
        Assert.Equal("actuated", detail.GetProperty("controller").GetString());
        Assert.NotEmpty(detail.GetProperty("indications").EnumerateObject());
        Assert.True(detail.GetProperty("timeline").GetArrayLength() >= 1);
        Assert.True(detail.GetProperty("audit").GetArrayLength() >= 1);
        Assert.Equal(x.Approaches.Select(a => a.Id).Order(), detail.GetProperty("approaches").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).Order());
        var latest = detail.GetProperty("approaches")[0].GetProperty("latest");
        Assert.True(latest.GetProperty("queueMetres").GetDouble() > 0);
        Assert.True(latest.GetProperty("flowVehiclesPerHour").GetDouble() >= 300);

        await ProblemAsync(await node.Http.GetAsync("/api/intersections/J99"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task When_data_goes_stale_the_api_shows_the_fallback_the_metric_shows_and_the_audit_says_why()
    {
        await using var node = await OperatorNode.StartAsync();
        await node.StartCoordinatorsAsync();
        var x = node.Site.Intersections[0];

        // Fresh data on every approach until the coordinator leaves its start-up fallback...
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonElement detail;
        do
        {
            foreach (var a in x.Approaches)
            {
                node.Coordinators[x.Id].Tell(new EdgeCity.Actors.Signals.ApproachObservation(a.Id, new EdgeCity.Domain.Control.MovementObservation { QueueVehicles = 2, FlowVehiclesPerHour = 400 }, DateTimeOffset.UtcNow));
            }

            await Task.Delay(300);
            detail = await node.Http.GetFromJsonAsync<JsonElement>($"/api/intersections/{x.Id}");
        }
        while (detail.GetProperty("fallback").GetString() != "none" && DateTime.UtcNow < deadline);
        Assert.Equal("none", detail.GetProperty("fallback").GetString());

        // ...then none: after the 5 s stale age it falls back without any signal change, and the API says so.
        detail = await WaitForAsync(node, $"/api/intersections/{x.Id}", d => d.GetProperty("fallback").GetString() != "none");
        var fallback = detail.GetProperty("fallback").GetString();
        Assert.Contains($"edgecity_signal_fallback_active{{intersection=\"{x.Id}\"}} 1", await node.Http.GetStringAsync("/metrics"));
        Assert.Contains(detail.GetProperty("audit").EnumerateArray(), a => a.GetProperty("reason").GetString() == $"stale data: {fallback} fallback");
    }

    [Fact]
    public async Task An_intersection_on_its_fallback_is_an_alarm_an_operator_acknowledges_on_record_until_it_clears()
    {
        await using var node = await OperatorNode.StartAsync(Token);
        await node.StartCoordinatorsAsync();
        var x = node.Site.Intersections[0];

        // No data yet: the intersection runs its fallback, and that is an alarm with the reason.
        var alarms = await WaitForAsync(node, "/api/alarms", a => a.GetProperty("active").EnumerateArray().Any(x2 => x2.GetProperty("id").GetString() == $"fallback:{x.Id}"));
        var alarm = alarms.GetProperty("active").EnumerateArray().Single(a => a.GetProperty("id").GetString() == $"fallback:{x.Id}");
        Assert.Equal("fallback", alarm.GetProperty("kind").GetString());
        Assert.StartsWith("fixed-time", alarm.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, alarm.GetProperty("acknowledgedBy").ValueKind);

        // Acknowledging needs a token and is recorded with the operator.
        await ProblemAsync(await node.Http.PostAsync($"/api/alarms/fallback:{x.Id}/ack", null), HttpStatusCode.Unauthorized);
        node.Http.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        var acked = await node.Http.PostAsync($"/api/alarms/fallback:{x.Id}/ack", null);
        Assert.Equal(HttpStatusCode.OK, acked.StatusCode);
        Assert.Equal("operator", (await acked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("acknowledgedBy").GetString());
        await ProblemAsync(await node.Http.PostAsync("/api/alarms/no-such-alarm/ack", null), HttpStatusCode.NotFound);
        var changes = await node.Http.GetFromJsonAsync<JsonElement>("/api/changes?last=10");
        Assert.Contains(changes.GetProperty("changes").EnumerateArray(), c => c.GetProperty("path").GetString() == $"/api/alarms/fallback:{x.Id}/ack" && c.GetProperty("status").GetInt32() == 200 && c.GetProperty("operator").GetString() == "operator");

        // Data on every approach: the fallback ends, the alarm moves to the recent list with its acknowledgement.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement now;
        do
        {
            foreach (var a in x.Approaches)
            {
                node.Coordinators[x.Id].Tell(new EdgeCity.Actors.Signals.ApproachObservation(a.Id, new EdgeCity.Domain.Control.MovementObservation { QueueVehicles = 2, FlowVehiclesPerHour = 400 }, DateTimeOffset.UtcNow));
            }

            await Task.Delay(300);
            now = await node.Http.GetFromJsonAsync<JsonElement>("/api/alarms");
        }
        while (now.GetProperty("active").EnumerateArray().Any(a => a.GetProperty("id").GetString() == $"fallback:{x.Id}") && DateTime.UtcNow < deadline);

        var cleared = now.GetProperty("recent").EnumerateArray().First(a => a.GetProperty("id").GetString() == $"fallback:{x.Id}");
        Assert.Equal("operator", cleared.GetProperty("acknowledgedBy").GetString());
        Assert.Equal(JsonValueKind.String, cleared.GetProperty("clearedAt").ValueKind);
    }

    [Fact]
    public async Task Cluster_shows_this_node_up_with_its_roles_and_the_singleton_on_it()
    {
        await using var node = await OperatorNode.StartAsync();
        var cluster = await WaitForAsync(node, "/api/cluster", c => c.GetProperty("singletonNode").ValueKind == JsonValueKind.String);
        var self = cluster.GetProperty("self").GetString();
        var member = Assert.Single(cluster.GetProperty("members").EnumerateArray());
        Assert.Equal(self, member.GetProperty("address").GetString());
        Assert.Equal("Up", member.GetProperty("status").GetString());
        Assert.True(member.GetProperty("reachable").GetBoolean());
        Assert.True(member.GetProperty("runsSingleton").GetBoolean());
        Assert.Contains("coordinator", member.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(self, cluster.GetProperty("singletonNode").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_every_api_route_the_node_maps()
    {
        await using var node = await OperatorNode.StartAsync();
        var doc = await node.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.Equal("3.1.0", doc.GetProperty("openapi").GetString());
        var paths = doc.GetProperty("paths");
        var routes = node.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/api/", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            Assert.True(paths.TryGetProperty(route, out _), $"{route} is mapped but not in /openapi/v1.json");
        }

        Assert.Equal("bearer", doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("token").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task The_map_places_the_demo_intersections_from_the_sumo_network()
    {
        await using var node = await OperatorNode.StartAsync();
        var map = await node.Http.GetFromJsonAsync<JsonElement>("/api/map");
        var xs = map.GetProperty("intersections").EnumerateArray().ToList();
        Assert.Equal(node.Site.Intersections.Select(i => i.Id), xs.Select(x => x.GetProperty("id").GetString()));
        Assert.True(map.GetProperty("roads").GetArrayLength() > 0);
        Assert.Equal(xs.Count, xs.Select(x => (x.GetProperty("x").GetDouble(), x.GetProperty("y").GetDouble())).Distinct().Count());
        Assert.All(xs, x => Assert.All(x.GetProperty("approaches").EnumerateArray(), a => Assert.True(a.GetProperty("shape").GetArrayLength() >= 2)));
    }

    [Fact]
    public async Task The_map_names_approaches_where_their_traffic_comes_from_and_phases_by_what_they_serve_and_the_api_agrees()
    {
        await using var node = await OperatorNode.StartAsync();
        await node.StartCoordinatorsAsync();
        var map = await node.Http.GetFromJsonAsync<JsonElement>("/api/map");
        var j1 = map.GetProperty("intersections").EnumerateArray().Single(x => x.GetProperty("id").GetString() == "J1");

        // The demo's J1 approaches have no street names: the twin's geometry says where each arrives from.
        var labels = j1.GetProperty("approaches").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!, a => a.GetProperty("label").GetString());
        Assert.Equal("N", labels["N1_J1"]);
        Assert.Equal("S", labels["S1_J1"]);
        Assert.Equal("W", labels["W_J1"]);
        Assert.Equal("E", labels["J2_J1"]);
        var phases = j1.GetProperty("phases").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("name").GetString()!);
        Assert.Equal(labels.Count, phases.Count); // a log-head site runs one phase per approach
        Assert.Equal(labels.Values.Order(), phases.Values.Order());
        Assert.Equal("UTC", map.GetProperty("timeZone").GetString());

        var x = await WaitForAsync(node, "/api/intersections/J1?audit=0", v => v.GetProperty("phase").ValueKind == JsonValueKind.String);
        Assert.Equal(phases[x.GetProperty("phase").GetString()!], x.GetProperty("phaseName").GetString());
    }

    internal static async Task<JsonElement> WaitForAsync(OperatorNode node, string path, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        JsonElement last;
        do
        {
            last = await node.Http.GetFromJsonAsync<JsonElement>(path);
            if (done(last))
            {
                return last;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"{path} never got there: {last}");
        return last;
    }
}
