namespace ConversationBot.Notifications.Campaigns;

/// <summary>
/// What a campaign says: text, an optional image and up to <see cref="MaxButtons"/> buttons. One
/// message per subscriber, because a Messenger token allows one message per send (docs/messenger-platform.md §4),
/// so the limits are Messenger's: with an image the message is a one-element generic template whose
/// title holds at most <see cref="MaxTextWithImage"/> characters; without, a text of at most
/// <see cref="MaxText"/>.
/// </summary>
public sealed record CampaignContent(string Text, Uri? ImageUrl, IReadOnlyList<CampaignButton> Buttons)
{
    public const int MaxText = 640;
    public const int MaxTextWithImage = 80;
    public const int MaxButtons = 3;
    public const int MaxButtonTitle = 20;
    public const int MaxButtonPayload = 1000;

    public static CampaignContent TextOnly(string text) => new(text, null, []);

    /// <summary>Every rule the content breaks, each with the request field it concerns (e.g. <c>buttons[1].title</c>).</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Text))
        {
            errors.Add(new FieldError("text", "is required."));
        }
        else if (ImageUrl is null && Text.Length > MaxText)
        {
            errors.Add(new FieldError("text", $"must be at most {MaxText} characters (it has {Text.Length})."));
        }
        else if (ImageUrl is not null && Text.Length > MaxTextWithImage)
        {
            errors.Add(new FieldError("text", $"must be at most {MaxTextWithImage} characters when there is an image (it has {Text.Length})."));
        }

        if (ImageUrl is not null && (!ImageUrl.IsAbsoluteUri || ImageUrl.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add(new FieldError("imageUrl", "must be an absolute https URL."));
        }

        var buttons = Buttons ?? [];
        if (buttons.Count > MaxButtons)
        {
            errors.Add(new FieldError("buttons", $"must have at most {MaxButtons} entries (it has {buttons.Count})."));
        }

        for (var i = 0; i < buttons.Count; i++)
        {
            var button = buttons[i];
            if (button is null || string.IsNullOrWhiteSpace(button.Title) || button.Title.Length > MaxButtonTitle)
            {
                errors.Add(new FieldError($"buttons[{i}].title", $"is required and at most {MaxButtonTitle} characters."));
            }

            if (button is null || string.IsNullOrWhiteSpace(button.Payload) || button.Payload.Length > MaxButtonPayload)
            {
                errors.Add(new FieldError($"buttons[{i}].payload", $"is required and at most {MaxButtonPayload} characters."));
            }
        }

        return errors;
    }
}
