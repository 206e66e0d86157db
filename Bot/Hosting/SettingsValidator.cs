using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Hosting;

/// <summary>
/// The one way a settings class is checked at start-up: its declared ranges and requirements (data
/// annotations) and its own rules (<see cref="Problems"/>), every problem at once, each naming its
/// full key ("Messenger:TurnLease ..."), so a misconfigured host stops with one complete message.
/// Registered with <see cref="SettingsServiceCollectionExtensions.AddSettings{TOptions, TValidator}"/>.
/// </summary>
public abstract class SettingsValidator<TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    /// <summary>The configuration section the settings are bound from.</summary>
    public string Section { get; } = section;

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Declared(options).Concat(Problems(options)).Distinct(StringComparer.Ordinal).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>The rules the annotations cannot say (a pattern that must match its example, a lease twice a retry); each problem with its full key.</summary>
    protected virtual IEnumerable<string> Problems(TOptions options) => [];

    private IEnumerable<string> Declared(TOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var members = result.MemberNames.ToList();
            yield return members.Count == 0
                ? $"{Section}: {result.ErrorMessage}"
                : $"{Section}:{string.Join(", ", members)}: {result.ErrorMessage}";
        }
    }
}
