namespace EdgeCity.Node.Api;

/// <summary>
/// Middleware that records every changing call under <c>/api</c> in the <see cref="ApiChangeLog"/> once it is
/// answered: the operator the token filter recognised (<see cref="OperatorKey"/>), the client, the body, the status.
/// </summary>
public static class ApiChangeRecorder
{
    /// <summary>Where <see cref="ApiToken"/> leaves the name of the operator whose token matched.</summary>
    public const string OperatorKey = "edgecity.operator";

    public static void UseApiChangeLog(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ApiChangeLog>();
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            {
                await next(context);
                return;
            }

            request.EnableBuffering(); // the endpoint reads the body; the record reads it again afterwards
            try
            {
                await next(context);
            }
            finally
            {
                // A body refused as too large is not read here either (that would ask the client to upload it).
                var body = context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? $"(not kept: {request.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"} bytes, over the limit)"
                    : await ReadBodyAsync(request);
                log.Record(new ApiChange(
                    DateTimeOffset.UtcNow,
                    context.Items.TryGetValue(OperatorKey, out var who) ? who as string : null,
                    context.Connection.RemoteIpAddress?.ToString(),
                    request.Method,
                    request.Path.Value ?? string.Empty,
                    context.Response.StatusCode,
                    ApiChangeLog.Redact(body)));
            }
        });
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        try
        {
            if (!request.Body.CanSeek)
            {
                return string.Empty;
            }

            request.Body.Position = 0;
            var buffer = new char[ApiChangeLog.MaxBodyCharacters + 1];
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            var read = await reader.ReadBlockAsync(buffer);
            return new string(buffer, 0, read);
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException or ObjectDisposedException)
        {
            return $"(body not readable: {e.GetType().Name})"; // an oversized or aborted upload: its status says what happened
        }
    }
}
