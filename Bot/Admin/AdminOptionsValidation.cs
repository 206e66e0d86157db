using ConversationBot.Bot.Hosting;

namespace ConversationBot.Bot.Admin;

/// <summary>The admin API's key: unset (the API is not served) or long enough that guessing it is hopeless.</summary>
public sealed class AdminOptionsValidation() : SettingsValidator<AdminOptions>(AdminOptions.SectionName)
{
    protected override IEnumerable<string> Problems(AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsEnabled && options.ApiKey!.Length < AdminOptions.MinimumKeyLength)
        {
            yield return AdminOptions.TooShort;
        }
    }
}
