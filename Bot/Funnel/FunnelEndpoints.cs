using ConversationBot.Notifications.Funnel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConversationBot.Bot.Funnel;

/// <summary>
/// <c>GET /api/admin/funnel?from=2026-11-01&amp;to=2026-11-30</c>: the funnel per entry over UTC days
/// (both included; by default the last 30 days up to today), at most <see cref="MaxDays"/> days.
/// </summary>
public static class FunnelEndpoints
{
    public const int MaxDays = 400;

    public static RouteGroupBuilder MapFunnelEndpoints(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/funnel", ReadAsync).WithSummary("Per ref, source label and comment rule: entries, conversations, offers shown, opt-ins and stops over UTC days (from, to: yyyy-MM-dd; default the last 30 days).");
        return admin;
    }

    private static async Task<Results<Ok<FunnelView>, ValidationProblem>> ReadAsync(
        string? from, string? to, IFunnelStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var last = Day(to, nameof(to), today, errors);
        var first = Day(from, nameof(from), last.AddDays(1 - FunnelView.DefaultDays), errors);
        if (errors.Count == 0 && first > last)
        {
            errors[nameof(from)] = ["from is after to."];
        }
        else if (errors.Count == 0 && last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            errors[nameof(from)] = [$"At most {MaxDays} days at once."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await FunnelView.ReadAsync(store, first, last, cancellationToken).ConfigureAwait(false));
    }

    private static DateOnly Day(string? text, string field, DateOnly fallback, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[field] = ["A UTC day as yyyy-MM-dd."];
        return fallback;
    }
}
