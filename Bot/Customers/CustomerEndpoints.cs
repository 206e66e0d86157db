using ConversationBot.Notifications.Customers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConversationBot.Bot.Customers;

/// <summary>
/// <c>GET /api/admin/customers/{channelId}/{customerId}</c>: what each store holds about the customer;
/// <c>DELETE</c> the same path: erase them everywhere (idempotent: a second call erases nothing and says so).
/// </summary>
public static class CustomerEndpoints
{
    /// <summary>Longer ids are no channel's; refusing them keeps a typo from scanning the stores.</summary>
    public const int MaxIdLength = 256;

    public static RouteGroupBuilder MapCustomerEndpoints(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/customers/{channelId}/{customerId}", HeldAsync).WithSummary("How many records of the customer each store holds.");
        admin.MapDelete("/customers/{channelId}/{customerId}", EraseAsync).WithSummary("Erases the customer from every store (delivery records keep a pseudonymous id); idempotent; audited in the log.");
        return admin;
    }

    private static async Task<Results<Ok<CustomerRecordCounts>, ValidationProblem>> HeldAsync(
        string channelId, string customerId, AuditedErasure erasure, CancellationToken cancellationToken) =>
        Validate(channelId, customerId) is { } problem
            ? problem
            : TypedResults.Ok(await erasure.CountAsync(new CustomerKey(channelId, customerId), cancellationToken).ConfigureAwait(false));

    private static async Task<Results<Ok<CustomerRecordCounts>, ValidationProblem>> EraseAsync(
        string channelId, string customerId, AuditedErasure erasure, CancellationToken cancellationToken) =>
        Validate(channelId, customerId) is { } problem
            ? problem
            : TypedResults.Ok(await erasure.EraseAsync(new CustomerKey(channelId, customerId), "the admin API", cancellationToken).ConfigureAwait(false));

    private static ValidationProblem? Validate(string channelId, string customerId)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Check(channelId, nameof(channelId), errors);
        Check(customerId, nameof(customerId), errors);
        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }

    private static void Check(string value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxIdLength || value.Any(char.IsControl))
        {
            errors[field] = [$"{field} must be 1 to {MaxIdLength} printable characters."];
        }
    }
}
