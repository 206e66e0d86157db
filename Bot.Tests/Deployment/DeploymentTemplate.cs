using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConversationBot.Bot.Storage.Cosmos;
using ConversationBot.Bot.Tests.Support;

namespace ConversationBot.Bot.Tests.Deployment;

/// <summary>
/// What the compiled ARM template (deploymentTemplates/azuredeploy.json) declares, read from its JSON:
/// the Cosmos DB containers, the web app's settings and the Key Vault secrets, across nested module deployments.
/// </summary>
public sealed partial class DeploymentTemplate
{
    public const string ContainersType = "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers";
    public const string SiteConfigType = "Microsoft.Web/sites/config";
    public const string SecretType = "Microsoft.KeyVault/vaults/secrets";

    /// <summary>The compiled form of cosmos.bicep's indexing policy: consistent, each listed path included, the root (so every other path) excluded.</summary>
    public const string IndexingPolicyExpression =
        "'indexingPolicy', createObject('indexingMode', 'consistent', 'automatic', true(), 'includedPaths', map(variables('containers')[copyIndex()].indexedPaths, lambda('path', createObject('path', lambdaVariables('path')))), 'excludedPaths', createArray(createObject('path', '/*')))";

    private readonly JsonObject _root;

    public DeploymentTemplate(JsonObject root) => _root = root;

    public static string CompiledPath => Path.Combine(RepositoryPaths.Root, "deploymentTemplates", "azuredeploy.json");

    public static DeploymentTemplate Load(string? path = null) => Parse(File.ReadAllText(path ?? CompiledPath));

    public static DeploymentTemplate Parse(string json) =>
        new(JsonNode.Parse(json)?.AsObject() ?? throw new InvalidOperationException("The template is not a JSON object."));

    /// <summary>The containers as the cosmos module's <c>containers</c> variable lists them, which its container resource loops over.</summary>
    public IReadOnlyList<CosmosContainerSpec> Containers()
    {
        var template = Templates().SingleOrDefault(t => Resources(t).Any(r => Type(r) == ContainersType))
            ?? throw new InvalidOperationException($"No template declares {ContainersType}.");
        var resource = Resources(template).Single(r => Type(r) == ContainersType);
        var count = resource["copy"]?["count"]?.GetValue<string>() ?? string.Empty;
        if (!count.Contains("variables('containers')", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The container resource does not loop over the 'containers' variable: {count}");
        }

        // The indexed paths only count if the resource builds its policy from them and excludes the rest.
        var body = resource["properties"]?["resource"]?.GetValue<string>() ?? string.Empty;
        if (!body.Contains(IndexingPolicyExpression, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The container resource does not index exactly each container's 'indexedPaths': {body}");
        }

        return template["variables"]?["containers"]?.AsArray()
            .Select(c => new CosmosContainerSpec(
                c!["name"]!.GetValue<string>(),
                c["partitionKeyPath"]!.GetValue<string>(),
                c["defaultTtl"] is JsonValue ttl ? ttl.GetValue<int>() : null,
                [.. (c["indexedPaths"]?.AsArray() ?? throw new InvalidOperationException($"Container {c["name"]} has no 'indexedPaths'.")).Select(p => p!.GetValue<string>())]))
            .ToList() ?? throw new InvalidOperationException("The 'containers' variable is missing.");
    }

    /// <summary>The web app's settings (the <c>appsettings</c> config resource): name to the raw value or ARM expression.</summary>
    public IReadOnlyDictionary<string, string> AppSettings()
    {
        var resource = Templates().SelectMany(Resources)
            .Single(r => Type(r) == SiteConfigType && (r["name"]?.GetValue<string>() ?? string.Empty).Contains("'appsettings'", StringComparison.Ordinal));
        return resource["properties"]!.AsObject().ToDictionary(p => p.Key, p => p.Value?.ToJsonString().Trim('"') ?? string.Empty, StringComparer.Ordinal);
    }

    /// <summary>The Key Vault secrets the template can write, by name.</summary>
    public IReadOnlySet<string> SecretNames() =>
        Templates().SelectMany(Resources)
            .Where(r => Type(r) == SecretType)
            .Select(r => LastLiteral().Match(r["name"]?.GetValue<string>() ?? string.Empty))
            .Where(m => m.Success)
            .Select(m => m.Groups["name"].Value)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The secret a setting's value refers to through <c>@Microsoft.KeyVault(SecretUri=...secrets/NAME)</c>; null when it is no reference.</summary>
    public static string? ReferencedSecret(string value)
    {
        if (!value.Contains("@Microsoft.KeyVault(", StringComparison.Ordinal))
        {
            return null;
        }

        var match = SecretUriName().Match(value);
        return match.Success ? match.Groups["name"].Value : string.Empty;
    }

    private IEnumerable<JsonObject> Templates()
    {
        var pending = new Stack<JsonObject>([_root]);
        while (pending.TryPop(out var template))
        {
            yield return template;
            foreach (var nested in Resources(template).Select(r => r["properties"]?["template"]).OfType<JsonObject>())
            {
                pending.Push(nested);
            }
        }
    }

    // Bicep writes resources as an array, or as an object keyed by symbolic name when a feature needs it.
    private static IEnumerable<JsonObject> Resources(JsonObject template) => template["resources"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject byName => byName.Select(p => p.Value).OfType<JsonObject>(),
        _ => [],
    };

    private static string? Type(JsonObject resource) => resource["type"]?.GetValue<string>();

    [GeneratedRegex(@"'(?<name>[A-Za-z0-9-]+)'\)\]$")]
    private static partial Regex LastLiteral();

    [GeneratedRegex(@"secrets/(?<name>[A-Za-z0-9-]+)\)")]
    private static partial Regex SecretUriName();
}
