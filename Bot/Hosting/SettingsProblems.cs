using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Hosting;

/// <summary>
/// What the operator sees when the settings stop the host: every problem of every settings class on a
/// line of its own, each naming its setting, and a pointer to the settings' documentation; not a .NET
/// stack trace, and not one problem per start.
/// </summary>
public static class SettingsProblems
{
    /// <summary>The exit code of a host that did not start because of its settings.</summary>
    public const int ExitCode = 2;

    /// <summary>Checks every settings class registered with ValidateOnStart now, before the endpoints are built, so all problems come together.</summary>
    public static void ValidateSettings(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetService<IStartupValidator>()?.Validate();
    }

    public static bool AreIn(Exception exception) => Failures(exception).Any();

    /// <summary>
    /// Whether the bot runs as its own process. A host that tests build from the entry point
    /// (WebApplicationFactory) gets the exception itself, to see what failed.
    /// </summary>
    public static bool IsOwnProcess => System.Reflection.Assembly.GetEntryAssembly() == typeof(SettingsProblems).Assembly;

    public static int Report(Exception exception, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        error.WriteLine("ConversationBot did not start: its settings are wrong (every setting: docs/configuration.md).");
        foreach (var failure in Failures(exception).Distinct(StringComparer.Ordinal))
        {
            error.WriteLine($"  - {failure}");
        }

        return ExitCode;
    }

    private static IEnumerable<string> Failures(Exception exception) => exception switch
    {
        OptionsValidationException invalid => invalid.Failures,
        AggregateException all when all.InnerExceptions.All(e => e is OptionsValidationException) => all.InnerExceptions.SelectMany(Failures),
        _ => [],
    };
}
