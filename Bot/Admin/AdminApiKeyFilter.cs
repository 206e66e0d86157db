using ConversationBot.Bot.Security;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Admin;

/// <summary>
/// Lets a request through only with the configured admin key, compared in constant time
/// (<see cref="SecretComparison"/>). Each wrong or missing key counts against the caller's address
/// (<see cref="CredentialFailures"/>); after too many, <see cref="FailedCredentialsRateLimiterPolicy"/> answers 429.
/// </summary>
public sealed class AdminApiKeyFilter(IOptions<AdminOptions> options, CredentialFailures failures) : IEndpointFilter
{
    private readonly byte[] _expectedHash = SecretComparison.Hash(options.Value.ApiKey ?? string.Empty);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = PresentedKey(context.HttpContext.Request);
        if (!SecretComparison.Matches(presented, _expectedHash))
        {
            failures.Record(ClientAddress.PartitionKey(context.HttpContext));
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
