using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Admin;

/// <summary>Lets a request through only with the configured admin key; compares in constant time so the key cannot be guessed byte by byte.</summary>
public sealed class AdminApiKeyFilter(IOptions<AdminOptions> options) : IEndpointFilter
{
    private readonly byte[] _expectedHash = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.ApiKey ?? string.Empty));

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = PresentedKey(context.HttpContext.Request);
        if (presented is null || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _expectedHash))
        {
            return Results.Problem(detail: "A valid admin API key is required.", statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context).ConfigureAwait(false);
    }

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var apiKey) && !string.IsNullOrEmpty(apiKey))
        {
            return apiKey.ToString();
        }

        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? authorization[bearer.Length..].Trim() : null;
    }
}
