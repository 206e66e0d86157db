namespace ConversationBot.Bot.OperatorConsole;

/// <summary>
/// The console's session: a cookie of its own scheme, issued once the admin API key was shown on the
/// sign-in page (docs/console.md). Roles are the app roles an Entra ID sign-in will carry; the key
/// grants them all.
/// </summary>
public static class ConsoleAuthentication
{
    public const string Scheme = "console";
    public const string Policy = "console";
    public const string CampaignsPolicy = "console-campaigns";
    public const string CustomersPolicy = "console-customers";
    public const string HandoffsPolicy = "console-handoffs";
    public const string CookieName = "conversationbot-console";

    public const string ReadRole = "Console.Read";
    public const string CampaignsRole = "Campaigns.Manage";
    public const string CustomersRole = "Customers.Manage";
    public const string HandoffsRole = "Handoffs.Manage";

    /// <summary>The name an agent gave when claiming a hand-off, kept in the session: the desk's replies and closes are theirs.</summary>
    public const string AgentClaim = "conversationbot:agent";

    public static readonly string[] KeyRoles = [ReadRole, CampaignsRole, CustomersRole, HandoffsRole];

    /// <summary>How long a session lasts without use; each request within it extends it.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);
}
