using System.Reflection;
using ConversationBot.Bot.Admin;
using ConversationBot.Bot.Telemetry;
using ConversationBot.Dialogs.Shop;
using ConversationBot.Notifications;

namespace ConversationBot.Bot.Tests.Deployment;

/// <summary>
/// The configuration keys the code reads, collected from the code itself: every options class with a
/// <c>SectionName</c> and its bindable properties (nested objects followed; dictionaries and lists
/// accept any key below them). Renaming a property or a section renames the key here too.
/// </summary>
public sealed class ConfigurationKeys
{
    /// <summary>Read by the Bot Framework SDK (ConfigurationBotFrameworkAuthentication), not by an options class of ours.</summary>
    public static readonly IReadOnlyList<string> BotFrameworkKeys = ["MicrosoftAppType", "MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId"];

    /// <summary>Read by the platform and libraries rather than our options: the host environment, Azure.Identity, and our telemetry.</summary>
    public static readonly IReadOnlyList<string> PlatformKeys =
        ["ASPNETCORE_ENVIRONMENT", "AZURE_CLIENT_ID", TelemetryServiceCollectionExtensions.ApplicationInsightsConnectionStringSetting];

    /// <summary>
    /// Keys of the Cosmos DB back end, which is being built on another branch. They count only while no
    /// options class declares their section: once one does, its properties decide, and a name that
    /// differs from these fails the template test.
    /// </summary>
    public static readonly IReadOnlyList<string> PendingKeys =
        ["Storage:Provider", "Cosmos:Endpoint", "Cosmos:Key", "Cosmos:Database", "Cosmos:ManagedIdentityClientId"];

    private static readonly Assembly[] CodeAssemblies =
        [typeof(AdminOptions).Assembly, typeof(ShopOptions).Assembly, typeof(NotificationsOptions).Assembly];

    private readonly HashSet<string> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _prefixes = [];

    private ConfigurationKeys()
    {
    }

    public IReadOnlySet<string> Sections { get; private set; } = new HashSet<string>();

    public static ConfigurationKeys FromCode()
    {
        var keys = new ConfigurationKeys();
        var sections = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in CodeAssemblies.SelectMany(a => a.GetTypes()))
        {
            if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
                && field.GetRawConstantValue() is string section)
            {
                sections.Add(section);
                keys.AddProperties(section, type, depth: 0);
            }
        }

        keys.Sections = sections;
        foreach (var key in BotFrameworkKeys.Concat(PlatformKeys))
        {
            keys._exact.Add(key);
        }

        foreach (var key in PendingKeys.Where(k => !sections.Contains(k[..k.LastIndexOf(':')])))
        {
            keys._exact.Add(key);
        }

        return keys;
    }

    /// <summary>Whether the code reads this key (':'-separated; configuration keys are case-insensitive).</summary>
    public bool Contains(string key) =>
        _exact.Contains(key) || _prefixes.Exists(prefix => key.StartsWith(prefix + ":", StringComparison.OrdinalIgnoreCase));

    /// <summary>An app setting name as App Service passes it ('__' for ':') turned into the key the code sees.</summary>
    public static string FromAppSettingName(string name) => name.Replace("__", ":", StringComparison.Ordinal);

    private void AddProperties(string prefix, Type type, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var key = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsScalar(propertyType))
            {
                _exact.Add(key);
            }
            else if (propertyType.IsArray || typeof(System.Collections.IEnumerable).IsAssignableFrom(propertyType) || depth > 5)
            {
                _prefixes.Add(key);
                _exact.Add(key);
            }
            else
            {
                AddProperties(key, propertyType, depth + 1);
            }
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Uri)
        || type == typeof(TimeSpan) || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Guid);
}
