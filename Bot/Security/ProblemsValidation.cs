using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Security;

/// <summary>Stops the host at start-up when an options class reports problems, each naming its setting.</summary>
public sealed class ProblemsValidation<TOptions>(Func<TOptions, IEnumerable<string>> problems) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var found = problems(options).ToList();
        return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
    }
}
