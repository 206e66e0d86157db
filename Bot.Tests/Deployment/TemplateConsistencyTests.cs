using System.Text.Json.Nodes;
using ConversationBot.Bot.Storage.Cosmos;

namespace ConversationBot.Bot.Tests.Deployment;

/// <summary>
/// The deployment templates describe what the code uses: the same Cosmos DB containers, app settings
/// that the code reads, and secrets behind every Key Vault reference. A rename on one side only fails here.
/// </summary>
public sealed class TemplateConsistencyTests
{
    /// <summary>Settings whose values are secrets: the template may only point at Key Vault for them.</summary>
    private static readonly string[] SecretSettings = ["Messenger__AppSecret", "Messenger__PageAccessToken", "Messenger__VerifyToken", "Admin__ApiKey", "Console__EntraId__ClientSecret", "MicrosoftAppPassword"];

    /// <summary>What a deployment cannot run without: Cosmos DB by identity, the Facebook page, the admin key, the bot identity, telemetry.</summary>
    private static readonly string[] RequiredSettings =
    [
        "Storage__Provider", "Cosmos__Endpoint", "Cosmos__Database", "Cosmos__ManagedIdentityClientId",
        "Messenger__AppSecret", "Messenger__PageAccessToken", "Messenger__VerifyToken", "Admin__ApiKey",
        "MicrosoftAppType", "MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
    ];

    [Fact]
    public void The_template_declares_every_container_of_the_code_with_its_partition_key_ttl_and_indexed_paths()
    {
        Assert.Empty(ContainerDifferences(DeploymentTemplate.Load()));
    }

    [Fact]
    public void Every_app_setting_in_the_template_is_a_key_the_code_reads()
    {
        Assert.Empty(UnknownSettings(DeploymentTemplate.Load(), ConfigurationKeys.FromCode()));
    }

    [Fact]
    public void The_template_sets_what_a_deployment_needs_and_no_cosmos_key()
    {
        var settings = DeploymentTemplate.Load().AppSettings();

        Assert.All(RequiredSettings, name => Assert.Contains(name, settings.Keys));
        Assert.Equal("Cosmos", settings["Storage__Provider"]);
        // Keys are switched off on the account; the app signs in with its managed identity.
        Assert.DoesNotContain("Cosmos__Key", settings.Keys);
    }

    [Fact]
    public void Secrets_are_key_vault_references_to_secrets_the_template_declares()
    {
        var template = DeploymentTemplate.Load();
        var settings = template.AppSettings();

        Assert.All(SecretSettings, name => Assert.NotNull(DeploymentTemplate.ReferencedSecret(settings[name])));
        Assert.Empty(MissingSecrets(template));
    }

    [Fact]
    public void A_container_renamed_or_repartitioned_on_one_side_is_reported()
    {
        var json = File.ReadAllText(DeploymentTemplate.CompiledPath);

        var renamed = DeploymentTemplate.Parse(json.Replace("\"name\": \"deliveries\"", "\"name\": \"delivery\"", StringComparison.Ordinal));
        var repartitioned = DeploymentTemplate.Parse(json.Replace("\"partitionKeyPath\": \"/topicId\"", "\"partitionKeyPath\": \"/id\"", StringComparison.Ordinal));
        var ttlChanged = DeploymentTemplate.Parse(json.Replace("\"defaultTtl\": 604800", "\"defaultTtl\": 86400", StringComparison.Ordinal));
        var stateTtlOff = DeploymentTemplate.Parse(json.Replace("\"defaultTtl\": -1", "\"defaultTtl\": null", StringComparison.Ordinal));
        var indexChanged = DeploymentTemplate.Parse(json.Replace("\"/startAtMs/?\"", "\"/sendAt/?\"", StringComparison.Ordinal));

        Assert.NotEmpty(ContainerDifferences(renamed));
        Assert.NotEmpty(ContainerDifferences(repartitioned));
        Assert.NotEmpty(ContainerDifferences(ttlChanged));
        Assert.Equal(["code only: state (/id, ttl -1, indexed [])", "template only: state (/id, ttl off, indexed [])"], ContainerDifferences(stateTtlOff));
        Assert.Equal(
            ["code only: campaigns (/partition, ttl off, indexed [/partition/?, /status/?, /startAtMs/?])", "template only: campaigns (/partition, ttl off, indexed [/partition/?, /status/?, /sendAt/?])"],
            ContainerDifferences(indexChanged));
    }

    [Fact]
    public void A_template_that_indexes_everything_again_is_reported()
    {
        var json = File.ReadAllText(DeploymentTemplate.CompiledPath);
        var everything = json.Replace("'excludedPaths', createArray(createObject('path', '/*'))", "'excludedPaths', createArray()", StringComparison.Ordinal);

        Assert.NotEqual(json, everything);
        Assert.Throws<InvalidOperationException>(() => DeploymentTemplate.Parse(everything).Containers());
    }

    [Fact]
    public void A_setting_renamed_in_the_template_or_a_secret_missing_is_reported()
    {
        var json = File.ReadAllText(DeploymentTemplate.CompiledPath);

        var renamedSetting = DeploymentTemplate.Parse(json.Replace("\"Admin__ApiKey\"", "\"Admin__Key\"", StringComparison.Ordinal));
        var renamedSecret = DeploymentTemplate.Parse(json.Replace("'admin-api-key')]", "'admin-key')]", StringComparison.Ordinal));

        Assert.Equal(["Admin__Key"], UnknownSettings(renamedSetting, ConfigurationKeys.FromCode()));
        Assert.Equal(["Admin__ApiKey -> admin-api-key"], MissingSecrets(renamedSecret));
    }

    [Fact]
    public void Keys_come_from_the_options_classes_so_a_renamed_property_is_not_a_known_key()
    {
        var keys = ConfigurationKeys.FromCode();

        Assert.True(keys.Contains("Messenger:AppSecret"));
        Assert.True(keys.Contains("notifications:optins:dailycap"));
        Assert.True(keys.Contains("Notifications:Topics:weekly-deals:Title"));
        Assert.False(keys.Contains("Messenger:Secret"));
        Assert.False(keys.Contains("Admin:Key"));
    }

    private static List<string> ContainerDifferences(DeploymentTemplate template)
    {
        var declared = template.Containers();
        return CosmosContainers.All.Except(declared).Select(c => $"code only: {c}")
            .Concat(declared.Except(CosmosContainers.All).Select(c => $"template only: {c}"))
            .ToList();
    }

    private static List<string> UnknownSettings(DeploymentTemplate template, ConfigurationKeys keys) =>
        template.AppSettings().Keys.Where(name => !keys.Contains(ConfigurationKeys.FromAppSettingName(name))).ToList();

    private static List<string> MissingSecrets(DeploymentTemplate template)
    {
        var secrets = template.SecretNames();
        return template.AppSettings()
            .Select(setting => (setting.Key, Secret: DeploymentTemplate.ReferencedSecret(setting.Value)))
            .Where(s => s.Secret is not null && !secrets.Contains(s.Secret))
            .Select(s => $"{s.Key} -> {s.Secret}")
            .ToList();
    }
}
