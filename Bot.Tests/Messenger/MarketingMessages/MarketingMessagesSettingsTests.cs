using System.Net;
using ConversationBot.Bot.Messenger;
using ConversationBot.Bot.Messenger.MarketingMessages;
using ConversationBot.Bot.Tests.EndToEnd.Support;
using ConversationBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConversationBot.Bot.Tests.Messenger.MarketingMessages;

/// <summary>
/// <c>Messenger:MarketingMessages</c> checked at start-up, every problem by its key, and the start-up log
/// saying which product serves which subscriber regions (Bot/Messenger/MarketingMessages/MarketingMessagesOptions.cs).
/// </summary>
public sealed class MarketingMessagesSettingsTests : IDisposable
{
    private const string Section = "Messenger:MarketingMessages";
    private readonly TempDatabase _database = new();

    [Fact]
    public void Off_when_nothing_is_set_and_then_nothing_is_checked()
    {
        var options = new MessengerOptions();

        Assert.False(options.MarketingMessages.IsEnabled);
        Assert.True(new MessengerOptionsValidation().Validate(null, options).Succeeded);
    }

    [Fact]
    public void A_half_set_up_product_names_every_missing_or_wrong_setting()
    {
        var options = new MessengerOptions
        {
            MarketingMessages = new MarketingMessagesOptions { AdAccountId = "act_12x", GraphApiVersion = "24", MaxCampaignBudget = 0, MinConversationGapSeconds = -5, InsightsCache = TimeSpan.Zero },
        };

        var failures = new MessengerOptionsValidation().Validate(null, options).Failures!.ToList();

        Assert.Equal(
            [
                $"{Section} needs Messenger:PageId: a Meta campaign names its Page by id.",
                $"{Section}:AccessToken is required when {Section}:AdAccountId is set (user secrets or a Key Vault reference).",
                $"{Section}:AdAccountId must be the ad account's number, with or without act_ (e.g. act_1234567890).",
                $"{Section}:GraphApiVersion must look like v24.0.",
                $"{Section}:InsightsCache must be more than zero and at most 01:00:00.",
                $"{Section}:MaxCampaignBudget is required and must be positive (the ad account currency's minor unit, e.g. 5000 for 50.00).",
                $"{Section}:MinConversationGapSeconds must be positive when set.",
            ],
            failures.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_unresolved_Key_Vault_reference_is_no_access_token()
    {
        var options = new MessengerOptions
        {
            PageId = "104567890123456",
            MarketingMessages = new MarketingMessagesOptions { AdAccountId = "act_1234567890", AccessToken = "@Microsoft.KeyVault(SecretUri=https://v/secrets/mm)", MaxCampaignBudget = 5000 },
        };

        var failures = new MessengerOptionsValidation().Validate(null, options).Failures!;

        Assert.Equal([$"{Section}:AccessToken is required when {Section}:AdAccountId is set (user secrets or a Key Vault reference)."], failures);
    }

    [Fact]
    public void The_local_stand_ins_settings_are_checked_by_their_keys()
    {
        var options = new MessengerOptions
        {
            PageId = "104567890123456",
            MarketingMessages = new MarketingMessagesOptions
            {
                AdAccountId = "act_1234567890",
                AccessToken = "local-token",
                MaxCampaignBudget = 5000,
                LocalGraph = new() { Enabled = true, WebhookUrl = new Uri("https://example.com/api/messenger"), PricePerDelivered = 0, DailyCapPerPerson = 0, DuplicateShare = 2, FailedShare = -1, WarmUp = TimeSpan.FromSeconds(-1), MaxWebhookDelay = TimeSpan.FromSeconds(-1) },
            },
        };

        var failures = new MessengerOptionsValidation().Validate(null, options).Failures!.ToList();

        var local = $"{Section}:LocalGraph";
        Assert.Equal(
            [
                $"{local}:DailyCapPerPerson must be at least 1.",
                $"{local}:DuplicateShare must be between 0 and 1.",
                $"{local}:FailedShare must be between 0 and 1.",
                $"{local}:MaxWebhookDelay must not be negative.",
                $"{local}:PricePerDelivered must be positive.",
                $"{local}:WarmUp must not be negative.",
                $"{local}:WebhookUrl must be an http(s) address on this machine (localhost, 127.0.0.1).",
            ],
            failures.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_complete_set_up_passes_and_names_the_ad_account_as_Meta_writes_it()
    {
        var options = new MessengerOptions
        {
            PageId = "104567890123456",
            MarketingMessages = new MarketingMessagesOptions { AdAccountId = "1234567890", AccessToken = "secret", MaxCampaignBudget = 5000, MinConversationGapSeconds = 86400 },
        };

        Assert.True(new MessengerOptionsValidation().Validate(null, options).Succeeded);
        Assert.Equal("act_1234567890", options.MarketingMessages.AdAccountPath);
    }

    [Fact]
    public async Task The_host_of_a_US_shop_says_at_start_up_which_product_serves_whom_and_never_logs_the_token()
    {
        var log = new RecordedLog();
        await using (var bot = BotHost.Start(
            _database.FilePath,
            new Dictionary<string, string?>
            {
                ["Notifications:Region"] = "US",
                ["Messenger:PageId"] = "104567890123456",
                [$"{Section}:AdAccountId"] = "act_1234567890",
                [$"{Section}:AccessToken"] = "mm-secret-token-value",
                [$"{Section}:MaxCampaignBudget"] = "5000",
                ["Logging:LogLevel:ConversationBot.Bot.Notifications"] = "Information",
            },
            services => services.AddSingleton<ILoggerProvider>(log)))
        {
            using var health = await bot.Client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        var products = log.At(LogLevel.Information).Where(m => m.StartsWith("Messenger products:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, products.Count);
        Assert.Contains("Recurring Notifications (profile Current) for subscribers in AU, EU, JP, KR, UK", products[0], StringComparison.Ordinal);
        Assert.Equal("Messenger products: Marketing Messages (business in US) for subscribers outside AU, EU, JP, KR, UK; every delivered message is charged to the ad account", products[1]);
        Assert.DoesNotContain(log.Entries, e => e.Message.Contains("mm-secret-token-value", StringComparison.Ordinal));
        Assert.DoesNotContain(log.At(LogLevel.Warning), m => m.Contains("Region", StringComparison.Ordinal));
    }

    [Fact]
    public void A_host_with_a_broken_Marketing_Messages_setting_does_not_start_and_names_it()
    {
        var failure = Assert.ThrowsAny<Exception>(() => BotHost.Start(
            _database.FilePath,
            new Dictionary<string, string?> { ["Messenger:PageId"] = "104567890123456", [$"{Section}:AdAccountId"] = "act_1234567890" }));

        Assert.Contains($"{Section}:AccessToken is required", failure.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _database.Dispose();
}
