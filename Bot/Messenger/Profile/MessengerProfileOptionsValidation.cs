using System.Globalization;
using System.Text.RegularExpressions;
using ConversationBot.Bot.Hosting;
using ConversationBot.Dialogs.CustomerService;

namespace ConversationBot.Bot.Messenger.Profile;

/// <summary>
/// Meta's limits on the Page profile, checked at start-up so a profile Meta would refuse never gets
/// as far as an apply (docs/messenger-platform.md §9): a <c>default</c> locale in every localized list,
/// a greeting of at most 160 characters, at most 4 ice breakers and 20 menu items per locale, titles of
/// at most 30 characters, payloads of at most 1,000 that are entries the bot answers, links over https,
/// and a persistent menu only with Get Started. Each problem names its setting.
/// </summary>
public sealed partial class MessengerProfileOptionsValidation() : SettingsValidator<MessengerProfileOptions>(MessengerProfileOptions.SectionName)
{
    public const int MaxGreeting = 160;
    public const int MaxIceBreakers = 4;
    public const int MaxMenuItems = 20;
    public const int MaxMenuTitle = 30;
    public const int MaxPayload = 1000;
    public const string DefaultLocale = "default";

    protected override IEnumerable<string> Problems(MessengerProfileOptions options)
    {
        if (options.GetStarted is not null)
        {
            foreach (var problem in PayloadProblems($"{Section}:GetStarted", options.GetStarted))
            {
                yield return problem;
            }
        }

        foreach (var problem in LocaleProblems("Greeting", options.Greeting.Keys))
        {
            yield return problem;
        }

        foreach (var (locale, text) in options.Greeting)
        {
            var key = $"{Section}:Greeting:{locale}";
            if (string.IsNullOrWhiteSpace(text))
            {
                yield return $"{key} is empty";
            }
            else if (text.Length > MaxGreeting)
            {
                yield return $"{key} is {Count(text.Length)} characters; Messenger allows {MaxGreeting}";
            }
        }

        foreach (var problem in LocaleProblems("IceBreakers", options.IceBreakers.Keys))
        {
            yield return problem;
        }

        foreach (var (locale, questions) in options.IceBreakers)
        {
            if (questions.Count > MaxIceBreakers)
            {
                yield return $"{Section}:IceBreakers:{locale} has {questions.Count} questions; Messenger allows {MaxIceBreakers}";
            }

            for (var i = 0; i < questions.Count; i++)
            {
                var key = $"{Section}:IceBreakers:{locale}:{i}";
                if (string.IsNullOrWhiteSpace(questions[i].Question))
                {
                    yield return $"{key}:Question is empty";
                }

                foreach (var problem in PayloadProblems($"{key}:Payload", questions[i].Payload))
                {
                    yield return problem;
                }
            }
        }

        foreach (var problem in LocaleProblems("PersistentMenu", options.PersistentMenu.Keys))
        {
            yield return problem;
        }

        if (options.PersistentMenu.Count > 0 && options.GetStarted is null)
        {
            yield return $"{Section}:PersistentMenu needs {Section}:GetStarted: Messenger shows a persistent menu only on a Page with a Get Started button";
        }

        foreach (var (locale, items) in options.PersistentMenu)
        {
            if (items.Count == 0 || items.Count > MaxMenuItems)
            {
                yield return $"{Section}:PersistentMenu:{locale} has {items.Count} items; Messenger allows 1 to {MaxMenuItems}";
            }

            for (var i = 0; i < items.Count; i++)
            {
                foreach (var problem in MenuItemProblems($"{Section}:PersistentMenu:{locale}:{i}", items[i]))
                {
                    yield return problem;
                }
            }
        }
    }

    private static IEnumerable<string> MenuItemProblems(string key, ProfileMenuItem item)
    {
        if (string.IsNullOrWhiteSpace(item.Title))
        {
            yield return $"{key}:Title is empty";
        }
        else if (item.Title.Length > MaxMenuTitle)
        {
            yield return $"{key}:Title is {Count(item.Title.Length)} characters; Messenger allows {MaxMenuTitle}";
        }

        if ((item.Payload is null) == (item.Url is null))
        {
            yield return $"{key} needs either a Payload (an entry) or a Url, not both";
        }
        else if (item.Url is { } url && !(url.IsAbsoluteUri && url.Scheme == Uri.UriSchemeHttps))
        {
            yield return $"{key}:Url must be an absolute https link";
        }
        else if (item.Payload is not null)
        {
            foreach (var problem in PayloadProblems($"{key}:Payload", item.Payload))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> PayloadProblems(string key, string? payload)
    {
        if (string.IsNullOrEmpty(payload))
        {
            yield return $"{key} is empty";
            yield break;
        }

        if (payload.Length > MaxPayload)
        {
            yield return $"{key} is {Count(payload.Length)} characters; Messenger allows {MaxPayload}";
            yield break;
        }

        var entry = ConversationEntry.Parse(payload);
        if (entry is null)
        {
            yield return $"{key} '{payload}' is not an entry the bot answers (get_started, dialog_<item>, topic_<topic>)";
        }
        else if (entry.Kind == ConversationEntryKind.Dialog && !MainMenuDialog.IsItem(entry.Target))
        {
            yield return $"{key} names no menu item: {entry.Target} (known: {string.Join(", ", MainMenuDialog.ItemNames)})";
        }
    }

    private IEnumerable<string> LocaleProblems(string property, IEnumerable<string> locales)
    {
        var all = locales.ToList();
        if (all.Count > 0 && !all.Contains(DefaultLocale, StringComparer.Ordinal))
        {
            yield return $"{Section}:{property} needs a '{DefaultLocale}' locale: Messenger shows it to everyone whose language has no entry";
        }

        foreach (var locale in all.Where(l => l != DefaultLocale && !LocalePattern().IsMatch(l)))
        {
            yield return $"{Section}:{property}:{locale} is not a Messenger locale (default, or like de_DE)";
        }
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\A[a-z]{2}_[A-Z]{2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex LocalePattern();
}
