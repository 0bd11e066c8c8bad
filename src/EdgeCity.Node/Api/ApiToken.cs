using System.Security.Cryptography;
using System.Text;

namespace EdgeCity.Node.Api;

/// <summary>
/// Guards every call that changes something: the caller sends <c>Authorization: Bearer &lt;EdgeCity:Api:Token&gt;</c>.
/// There is no default token: without one configured, changing calls are refused with a problem detail saying how to set it.
/// </summary>
public sealed class ApiToken(IConfiguration configuration) : IEndpointFilter
{
    public const string ConfigurationKey = "EdgeCity:Api:Token";

    /// <summary>A token anyone could guess is no guard: shorter ones disable changes instead.</summary>
    public const int MinimumLength = 16;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(expected))
        {
            return Results.Problem(
                title: "Changes are disabled: no API token is configured",
                detail: $"Set {ConfigurationKey} (environment variable EdgeCity__Api__Token, or appsettings.json) to a long random secret, restart the node, and send it as 'Authorization: Bearer <token>'.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        if (expected.Trim().Length < MinimumLength)
        {
            return Results.Problem(
                title: "Changes are disabled: the API token is too short",
                detail: $"{ConfigurationKey} has {expected.Trim().Length} characters; at least {MinimumLength} are required. Set it to a long random secret (for example: openssl rand -hex 24) and restart the node.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var given = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : string.Empty;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(
                title: given.Length == 0 ? "API token missing" : "API token wrong",
                detail: "Changing calls need the header 'Authorization: Bearer <token>' with the node's EdgeCity:Api:Token.",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }
}
