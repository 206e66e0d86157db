namespace ConversationBot.Notifications.Topics;

/// <summary>
/// Every problem with the configured topics, each naming the topic and the field the way
/// configuration spells it (<c>Topics:weekly-deals:Title is 70 characters; at most 65</c>), so
/// that one start-up failure lists everything to fix.
/// </summary>
public static class TopicValidator
{
    public static IReadOnlyList<string> Validate(IReadOnlyDictionary<string, TopicOptions>? topics, IncentiveWordList incentiveWords)
    {
        ArgumentNullException.ThrowIfNull(incentiveWords);
        var problems = new List<string>();
        if (topics is null)
        {
            return problems;
        }

        foreach (var (id, options) in topics)
        {
            problems.AddRange(Validate(id, options, incentiveWords));
        }

        problems.AddRange(DuplicatesAcrossTopics(topics));
        return problems;
    }

    public static IReadOnlyList<string> Validate(string id, TopicOptions options, IncentiveWordList incentiveWords)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(incentiveWords);
        var problems = new List<string>();
        var at = Prefix(id);

        if (string.IsNullOrWhiteSpace(id) || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            problems.Add($"{at}id must be lower-case letters, digits and '-'");
        }
        else if (id == Topic.UnknownId)
        {
            problems.Add($"{at}id '{Topic.UnknownId}' is reserved for opt-ins the bot did not request");
        }

        if (string.IsNullOrWhiteSpace(options.Frequency))
        {
            problems.Add($"{at}Frequency is missing; one of Daily, Weekly, Monthly");
        }
        else if (!Enum.TryParse<Frequency>(options.Frequency, ignoreCase: true, out var f) || !Enum.IsDefined(f))
        {
            problems.Add($"{at}Frequency '{options.Frequency}' is not one of Daily, Weekly, Monthly");
        }

        if (!string.IsNullOrWhiteSpace(options.CallToAction) && !CallToActionSpelling.TryParse(options.CallToAction, out _))
        {
            problems.Add($"{at}CallToAction '{options.CallToAction}' is not one of ALLOW, GET, GET_UPDATES, OPT_IN, SIGN_UP");
        }

        if (!string.IsNullOrWhiteSpace(options.ImageUrl) && !IsWebUrl(options.ImageUrl))
        {
            problems.Add($"{at}ImageUrl '{options.ImageUrl}' is not an absolute http(s) URL");
        }

        var texts = TopicCatalog.TextsOf(options);
        foreach (var language in Topic.RequiredLanguages)
        {
            if (!texts.ContainsKey(language))
            {
                problems.Add($"{at}Texts:{language} is missing (Title and Description)");
            }
        }

        foreach (var (language, text) in texts)
        {
            problems.AddRange(TextProblems(at, FieldPrefix(language), text, incentiveWords));
        }

        return problems;
    }

    /// <summary>The problems of an already built topic (used by <see cref="Topic.Create"/>).</summary>
    public static IReadOnlyList<string> Validate(Topic topic, IncentiveWordList incentiveWords)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(incentiveWords);
        var options = new TopicOptions
        {
            Frequency = topic.Frequency.ToString(),
            ImageUrl = topic.ImageUrl?.ToString(),
            CallToAction = topic.CallToAction.ToPlatformValue(),
            MessengerPayload = topic.MessengerPayload,
        };
        foreach (var (language, text) in topic.Texts)
        {
            options.Texts[language] = new TopicTextOptions { Title = text.Title, Description = text.Description, ShortTitle = text.ShortTitle };
        }

        return Validate(topic.Id, options, incentiveWords);
    }

    private static IEnumerable<string> TextProblems(string at, string field, TopicText text, IncentiveWordList incentiveWords)
    {
        if (string.IsNullOrWhiteSpace(text.Title))
        {
            yield return $"{at}{field}Title is missing";
        }
        else if (text.Title.Length > Topic.MaxTitleLength)
        {
            yield return $"{at}{field}Title is {text.Title.Length} characters; at most {Topic.MaxTitleLength}";
        }

        if (string.IsNullOrWhiteSpace(text.Description))
        {
            yield return $"{at}{field}Description is missing";
        }

        if (text.ShortTitle is { } shortTitle && shortTitle.Trim().Length > Topic.MaxShortTitleLength)
        {
            yield return $"{at}{field}ShortTitle is {shortTitle.Trim().Length} characters; at most {Topic.MaxShortTitleLength}";
        }

        foreach (var (name, value) in new[] { ("Title", text.Title), ("Description", text.Description), ("ShortTitle", text.ShortTitle ?? string.Empty) })
        {
            var found = incentiveWords.FindIn(value);
            if (found.Count > 0)
            {
                yield return $"{at}{field}{name} promises a reward ('{string.Join("', '", found)}'); opt-in requests may not offer incentives";
            }
        }
    }

    private static IEnumerable<string> DuplicatesAcrossTopics(IReadOnlyDictionary<string, TopicOptions> topics)
    {
        var payloads = topics
            .GroupBy(t => string.IsNullOrWhiteSpace(t.Value.MessengerPayload) ? Topic.DefaultPayload(t.Key) : t.Value.MessengerPayload!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1);
        foreach (var group in payloads)
        {
            yield return $"Topics:{string.Join(", ", group.Select(t => t.Key))}:MessengerPayload '{group.Key}' is used by more than one topic";
        }

        // Messenger tells topics apart by title (the once-a-week rule, docs/messenger-platform.md §2), so two
        // topics with one title would share a request limit and a token.
        var titles = topics
            .SelectMany(t => TopicCatalog.TextsOf(t.Value).Select(x => (Id: t.Key, x.Value.Title)))
            .Where(x => !string.IsNullOrWhiteSpace(x.Title))
            .GroupBy(x => x.Title.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(x => x.Id).Distinct().Count() > 1);
        foreach (var group in titles)
        {
            yield return $"Topics:{string.Join(", ", group.Select(x => x.Id).Distinct())}:Title '{group.Key}' is used by more than one topic";
        }
    }

    private static bool IsWebUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string Prefix(string id) => $"Topics:{id}:";

    private static string FieldPrefix(string language) => language == "en" ? string.Empty : $"Texts:{language}:";
}
