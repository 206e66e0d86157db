namespace ConversationBot.Bot.Messenger.Webhook;

/// <summary>A tapped postback button: its title (what the customer saw) and the payload the bot gave it.</summary>
public sealed record WebhookPostback
{
    public string? Mid { get; init; }

    public string? Title { get; init; }

    public string? Payload { get; init; }

    /// <summary>Set on Get Started when a new person came through an m.me link or QR code (<see cref="WebhookReferral"/>).</summary>
    public System.Text.Json.JsonElement? Referral { get; init; }
}
