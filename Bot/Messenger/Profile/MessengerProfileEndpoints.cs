using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Messenger.Profile;

/// <summary>
/// The Page profile in the admin API: <c>GET /api/admin/messenger/profile</c> shows what an apply would
/// change (a dry run: two reads, no write), <c>POST /api/admin/messenger/profile/apply</c> applies it.
/// Without the Messenger channel configured there is no Page to read: 409 with the missing settings.
/// </summary>
public static class MessengerProfileEndpoints
{
    public static RouteGroupBuilder MapMessengerProfileEndpoints(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/messenger/profile", DryRunAsync).WithSummary("What applying Messenger:Profile to the Page would write and delete (reads the Page, writes nothing).");
        admin.MapPost("/messenger/profile/apply", ApplyAsync).WithSummary("Writes the changed Page profile properties and deletes removed ones; a second apply writes nothing.");
        return admin;
    }

    private static Task<Results<Ok<MessengerProfileReport>, Conflict<string>, BadGateway>> DryRunAsync(MessengerProfileService profile, IOptions<MessengerOptions> messenger, CancellationToken cancellationToken) =>
        RunAsync(messenger.Value, () => profile.DryRunAsync(cancellationToken));

    private static Task<Results<Ok<MessengerProfileReport>, Conflict<string>, BadGateway>> ApplyAsync(MessengerProfileService profile, IOptions<MessengerOptions> messenger, CancellationToken cancellationToken) =>
        RunAsync(messenger.Value, () => profile.ApplyAsync(cancellationToken));

    private static async Task<Results<Ok<MessengerProfileReport>, Conflict<string>, BadGateway>> RunAsync(MessengerOptions messenger, Func<Task<MessengerProfileReport>> run)
    {
        if (!messenger.IsEnabled)
        {
            return TypedResults.Conflict($"The Messenger channel is not configured: {string.Join(", ", messenger.MissingSettings())}");
        }

        try
        {
            return TypedResults.Ok(await run().ConfigureAwait(false));
        }
        catch (MessengerProfileException refused)
        {
            return new BadGateway(refused.Message);
        }
    }
}
