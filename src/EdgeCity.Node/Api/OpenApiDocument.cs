namespace EdgeCity.Node.Api;

/// <summary>
/// The OpenAPI 3.1 document served at <c>/openapi/v1.json</c>. Written by hand (kept next to <see cref="ApiEndpoints"/>,
/// and a test checks every mapped /api route is in it) so the node needs no extra package and no service registration.
/// </summary>
public static class OpenApiDocument
{
    public const string Json = """
{
  "openapi": "3.1.0",
  "info": { "title": "EdgeCity operator API", "version": "v1",
    "description": "Served by every node. Reading is open; calls that change something need 'Authorization: Bearer <EdgeCity:Api:Token>' (no default: without a configured token they answer 403). Errors are RFC 7807 problem details; invalid payloads list the offending fields under 'errors'." },
  "components": {
    "securitySchemes": { "token": { "type": "http", "scheme": "bearer", "description": "The node's EdgeCity:Api:Token." } },
    "schemas": {
      "Problem": { "type": "object", "properties": { "type": {"type":"string"}, "title": {"type":"string"}, "status": {"type":"integer"}, "detail": {"type":"string"},
        "errors": { "type": "object", "additionalProperties": { "type": "array", "items": {"type":"string"} }, "description": "Per field (JSON path such as countLines[0].from), what is wrong." } } },
      "Point": { "type": "array", "items": {"type":"number"}, "minItems": 2, "maxItems": 2, "description": "[x, y] in image pixels" },
      "CountLine": { "type": "object", "required": ["id","from","to"], "description": "Counts 'in' from its right-hand side to its left (walking from -> to), as in a site file.", "properties": { "id": {"type":"string"}, "approach": {"type":"string"}, "from": {"$ref":"#/components/schemas/Point"}, "to": {"$ref":"#/components/schemas/Point"}, "in": {"type":"string", "description": "what 'in' means on the street (northbound)"}, "out": {"type":"string"}, "anchor": {"type":"string", "enum": ["bottom-centre","centre","top-centre"]} } },
      "Zone": { "type": "object", "required": ["id","lane","polygon"], "properties": { "id": {"type":"string"}, "approach": {"type":"string"}, "lane": {"type":"string"},
        "polygon": { "type":"array", "minItems": 3, "items": {"$ref":"#/components/schemas/Point"} }, "stopLine": { "type":"array", "minItems": 2, "maxItems": 2, "items": {"$ref":"#/components/schemas/Point"} } } },
      "Analytics": { "type": "object", "properties": { "countLines": { "type":"array", "items": {"$ref":"#/components/schemas/CountLine"} }, "zones": { "type":"array", "items": {"$ref":"#/components/schemas/Zone"} } } },
      "NewCamera": { "type": "object", "required": ["id","source","intersection","approach"], "properties": { "id": {"type":"string"}, "source": {"type":"string"}, "intersection": {"type":"string"}, "approach": {"type":"string"},
        "model": {"type":"string"}, "maxFps": {"type":"number"}, "countLines": { "type":"array", "items": {"$ref":"#/components/schemas/CountLine"} }, "zones": { "type":"array", "items": {"$ref":"#/components/schemas/Zone"} },
        "calibration": { "type":"object", "description": "image pixels to road metres: homography (9 numbers, row-major) or points (4+ pairs of image and road); without it the camera is registered but not measured", "properties": { "homography": { "type":"array", "items": {"type":"number"} }, "points": { "type":"array", "items": { "type":"object", "properties": { "image": { "type":"array", "items": {"type":"number"} }, "road": { "type":"array", "items": {"type":"number"} } } } } } } } },
      "Camera": { "type": "object", "properties": { "id": {"type":"string"}, "source": {"type":"string"}, "intersection": {"type":"string"}, "approach": {"type":"string"}, "status": {"type":"string", "enum": ["up","down","unknown"]},
        "reason": {"type":["string","null"]}, "framesPerSecond": {"type":["number","null"]}, "framesDropped": {"type":"integer"}, "reconnects": {"type":"integer"}, "secondsSinceReport": {"type":["number","null"]}, "dataAgeSeconds": {"type":["number","null"]},
        "countLines": {"type":"integer"}, "zones": {"type":"integer"}, "addedAtRunTime": {"type":"boolean"} } },
      "Intersection": { "type": "object", "properties": { "id": {"type":"string"}, "name": {"type":["string","null"]}, "controller": {"type":"string"}, "fallback": {"type":"string", "description": "none, recall-stale-approaches, fixed-time or unknown"},
        "phase": {"type":["string","null"]}, "phaseName": {"type":["string","null"], "description": "what the running phase serves, from the signal model"}, "corridor": {"type":["object","null"], "description": "green-wave advice in force: id, cycleSeconds, phase"}, "inTransition": {"type":"boolean"}, "signalAt": {"type":["string","null"], "format":"date-time"}, "reason": {"type":["string","null"]},
        "indications": { "type":"object", "additionalProperties": {"type":"string"}, "description": "per movement: G protected green, g permissive green, y amber, r red" },
        "staleMovements": { "type":"array", "items": {"type":"string"} },
        "approaches": { "type":"array", "items": { "type":"object", "properties": { "id": {"type":"string"}, "latest": {"$ref":"#/components/schemas/Sample"}, "history": { "type":"array", "items": {"$ref":"#/components/schemas/Sample"} } } } },
        "timeline": { "type":"array", "items": { "type":"object", "properties": { "start": {"type":"string","format":"date-time"}, "phase": {"type":"string"}, "transition": {"type":"boolean"}, "fallback": {"type":"string"} } } },
        "audit": { "type":"array", "items": { "type":"object", "properties": { "time": {"type":"string","format":"date-time"}, "phase": {"type":"string"}, "inTransition": {"type":"boolean"}, "fallback": {"type":"string"}, "reason": {"type":"string"} } } } } },
      "Sample": { "type": ["object","null"], "properties": { "at": {"type":"string","format":"date-time"}, "queueMetres": {"type":"number"}, "flowVehiclesPerHour": {"type":["number","null"]}, "delaySeconds": {"type":["number","null"]}, "occupancy": {"type":["number","null"]}, "cameraDown": {"type":"boolean"} } },
      "Cluster": { "type": "object", "properties": { "self": {"type":"string"}, "leader": {"type":["string","null"]}, "singletonNode": {"type":["string","null"]},
        "members": { "type":"array", "items": { "type":"object", "properties": { "address": {"type":"string"}, "status": {"type":"string"}, "roles": { "type":"array", "items": {"type":"string"} }, "reachable": {"type":"boolean"}, "isSelf": {"type":"boolean"}, "runsSingleton": {"type":"boolean"} } } } } }
    },
    "responses": {
      "Problem": { "description": "RFC 7807 problem details", "content": { "application/problem+json": { "schema": {"$ref":"#/components/schemas/Problem"} } } }
    }
  },
  "paths": {
    "/api/cluster": { "get": { "summary": "Cluster members, roles, reachability, leader and where the corridor singleton runs", "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": {"$ref":"#/components/schemas/Cluster"} } } } } } },
    "/api/map": { "get": { "summary": "District geometry: roads, intersections and approaches in metres, approach labels, phase names and the site's time zone", "responses": { "200": { "description": "OK" } } } },
    "/api/intersections": { "get": { "summary": "Every intersection: current phase, indications, controller, fallback, latest measurement per approach", "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "type":"array", "items": {"$ref":"#/components/schemas/Intersection"} } } } } } } },
    "/api/intersections/{id}": { "get": { "summary": "One intersection with its phase timeline, measurement history (10 min) and recent audit log",
      "parameters": [ { "name": "id", "in": "path", "required": true, "schema": {"type":"string"} }, { "name": "audit", "in": "query", "schema": {"type":"integer", "minimum": 0, "maximum": 100, "default": 20} } ],
      "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": {"$ref":"#/components/schemas/Intersection"} } } }, "404": {"$ref":"#/components/responses/Problem"} } } },
    "/api/cameras": {
      "get": { "summary": "Every camera with stream status, fps, drops, reconnects", "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "type":"array", "items": {"$ref":"#/components/schemas/Camera"} } } } } } },
      "post": { "summary": "Add a camera", "security": [ { "token": [] } ], "requestBody": { "required": true, "content": { "application/json": { "schema": {"$ref":"#/components/schemas/NewCamera"} } } },
        "responses": { "201": { "description": "Created" }, "400": {"$ref":"#/components/responses/Problem"}, "401": {"$ref":"#/components/responses/Problem"}, "403": {"$ref":"#/components/responses/Problem"}, "409": {"$ref":"#/components/responses/Problem"} } } },
    "/api/cameras/{id}": {
      "get": { "summary": "One camera: status and definition", "parameters": [ { "name": "id", "in": "path", "required": true, "schema": {"type":"string"} } ], "responses": { "200": { "description": "OK" }, "404": {"$ref":"#/components/responses/Problem"} } },
      "delete": { "summary": "Remove a camera", "security": [ { "token": [] } ], "parameters": [ { "name": "id", "in": "path", "required": true, "schema": {"type":"string"} } ],
        "responses": { "204": { "description": "Removed" }, "401": {"$ref":"#/components/responses/Problem"}, "403": {"$ref":"#/components/responses/Problem"}, "404": {"$ref":"#/components/responses/Problem"} } } },
    "/api/cameras/{id}/frame": { "get": { "summary": "The camera's newest frame, faces and plates blurred (only when EdgeCity:Dashboard:ShowFrames is true; otherwise 404 saying frames are disabled)",
      "parameters": [ { "name": "id", "in": "path", "required": true, "schema": {"type":"string"} } ],
      "responses": { "200": { "description": "JPEG", "content": { "image/jpeg": { "schema": { "type": "string", "format": "binary" } } } }, "404": {"$ref":"#/components/responses/Problem"} } } },
    "/api/cameras/{id}/analytics": { "put": { "summary": "Replace a camera's count lines and/or lane zones while it runs (no restart)", "security": [ { "token": [] } ],
      "parameters": [ { "name": "id", "in": "path", "required": true, "schema": {"type":"string"} } ],
      "requestBody": { "required": true, "content": { "application/json": { "schema": {"$ref":"#/components/schemas/Analytics"} } } },
      "responses": { "200": { "description": "In use" }, "400": {"$ref":"#/components/responses/Problem"}, "401": {"$ref":"#/components/responses/Problem"}, "403": {"$ref":"#/components/responses/Problem"}, "404": {"$ref":"#/components/responses/Problem"}, "409": {"$ref":"#/components/responses/Problem"} } } },
    "/api/alarms": { "get": { "summary": "Alarms: active (camera down, intersection on a fallback, node fault) with since, reason and who acknowledged them, and recently cleared ones", "responses": { "200": { "description": "OK" } } } },
    "/api/alarms/{id}/ack": { "post": { "summary": "Acknowledge an active alarm as the operator whose token is sent (recorded; holds until the alarm clears)", "security": [ { "token": [] } ],
      "parameters": [ { "name": "id", "in": "path", "required": true, "schema": {"type":"string"} } ],
      "responses": { "200": { "description": "The alarm, acknowledged" }, "401": {"$ref":"#/components/responses/Problem"}, "403": {"$ref":"#/components/responses/Problem"}, "404": {"$ref":"#/components/responses/Problem"} } } },
    "/api/changes": { "get": { "summary": "Who changed what: the latest changing API calls, allowed or refused (time, operator, client, method, path, status, body with URL credentials masked), newest last; the file keeps them all",
      "parameters": [ { "name": "last", "in": "query", "required": false, "schema": {"type":"integer","minimum":1,"maximum":200,"default":50} } ],
      "responses": { "200": { "description": "OK" }, "400": {"$ref":"#/components/responses/Problem"} } } },
    "/api/events": { "get": { "summary": "Server-Sent Events: a 'snapshot' event (intersections with timelines, cameras, cluster) whenever something changed", "responses": { "200": { "description": "text/event-stream" } } } }
  }
}
""";
}
