using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Messenger.Profile;

/// <summary>
/// <c>dotnet run --project Bot -- messenger-profile diff|apply</c>: the same as the admin API, from a
/// terminal or a deploy step, with the host's configuration (user secrets, environment, Key Vault).
/// Exit 0 when done (or nothing to do), 1 when Meta refused or the channel is not configured.
/// </summary>
public static class MessengerProfileCommand
{
    public const string Name = "messenger-profile";

    public static bool IsInvoked(string[] args) => args is [Name, ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var verb = args.Length > 1 ? args[1] : null;
        if (verb is not ("diff" or "apply"))
        {
            await output.WriteLineAsync($"usage: {Name} diff|apply").ConfigureAwait(false);
            return 1;
        }

        var messenger = services.GetRequiredService<IOptions<MessengerOptions>>().Value;
        if (!messenger.IsEnabled)
        {
            await output.WriteLineAsync($"The Messenger channel is not configured: {string.Join(", ", messenger.MissingSettings())}").ConfigureAwait(false);
            return 1;
        }

        var profile = services.GetRequiredService<MessengerProfileService>();
        try
        {
            var report = verb == "apply" ? await profile.ApplyAsync(CancellationToken.None).ConfigureAwait(false) : await profile.DryRunAsync(CancellationToken.None).ConfigureAwait(false);
            foreach (var line in report.Lines())
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }

            if (!report.Applied && report.ToWrite.Count > 0)
            {
                await output.WriteLineAsync(report.ToWrite.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })).ConfigureAwait(false);
            }

            return report.Problem is null || report.Writes == 0 && report.Changed.Count == 0 && report.Deleted.Count == 0 ? 0 : 1;
        }
        catch (MessengerProfileException refused)
        {
            await output.WriteLineAsync(refused.Message).ConfigureAwait(false);
            return 1;
        }
    }
}
