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

    /// <summary>Named operators' tokens: <c>EdgeCity:Api:Operators:&lt;name&gt;</c> = token, so the change log says who.</summary>
    public const string OperatorsSection = "EdgeCity:Api:Operators";

    /// <summary>The operator name the single <see cref="ConfigurationKey"/> token stands for.</summary>
    public const string DefaultOperator = "operator";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var tokens = Configured(configuration);
        if (tokens.Count == 0)
        {
            return Results.Problem(
                title: "Changes are disabled: no API token is configured",
                detail: $"Set {ConfigurationKey} (environment variable EdgeCity__Api__Token, or appsettings.json), or one token per operator under {OperatorsSection}:<name>, to a long random secret, restart the node, and send it as 'Authorization: Bearer <token>'.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        var weak = tokens.FirstOrDefault(t => t.Token.Length < MinimumLength);
        if (weak.Key is not null)
        {
            return Results.Problem(
                title: "Changes are disabled: the API token is too short",
                detail: $"{weak.Key} has {weak.Token.Length} characters; at least {MinimumLength} are required. Set it to a long random secret (for example: openssl rand -hex 24) and restart the node.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var given = Encoding.UTF8.GetBytes(header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : string.Empty);
        string? who = null;
        foreach (var t in tokens)
        {
            // Every token is compared, in constant time each, so the answer's timing says nothing about which came close.
            if (CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(t.Token)))
            {
                who ??= t.Operator;
            }
        }

        if (who is null)
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(
                title: given.Length == 0 ? "API token missing" : "API token wrong",
                detail: "Changing calls need the header 'Authorization: Bearer <token>' with the node's EdgeCity:Api:Token or an operator's token.",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        context.HttpContext.Items[ApiChangeRecorder.OperatorKey] = who;
        return await next(context);
    }

    /// <summary>The shared token (as operator "operator") and each named operator's, with the key each was set under.</summary>
    internal static List<(string Key, string Operator, string Token)> Configured(IConfiguration configuration)
    {
        var tokens = new List<(string Key, string Operator, string Token)>();
        if (configuration[ConfigurationKey] is { } shared && !string.IsNullOrWhiteSpace(shared))
        {
            tokens.Add((ConfigurationKey, DefaultOperator, shared.Trim()));
        }

        foreach (var child in configuration.GetSection(OperatorsSection).GetChildren())
        {
            if (!string.IsNullOrWhiteSpace(child.Value))
            {
                tokens.Add(($"{OperatorsSection}:{child.Key}", child.Key, child.Value.Trim()));
            }
        }

        return tokens;
    }
}
