using System.Net;
using System.Net.Http.Headers;
using ConversationBot.Bot.Security;
using ConversationBot.Bot.Tests.EndToEnd.Support;

namespace ConversationBot.Bot.Tests.Security;

/// <summary>A Key Vault reference App Service could not resolve arrives as its literal text; it must not become a guessable key.</summary>
public sealed class SecretSettingTests
{
    private const string Unresolved = "@Microsoft.KeyVault(SecretUri=https://convbot-kv-abc.vault.azure.net/secrets/admin-api-key)";

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("  ", false)]
    [InlineData(Unresolved, false)]
    [InlineData("@microsoft.keyvault(VaultName=kv;SecretName=s)", false)]
    [InlineData("s3cr3t", true)]
    public void Only_a_real_value_counts_as_set(string? value, bool set) => Assert.Equal(set, SecretSetting.IsSet(value));

    [Fact]
    public async Task Unresolved_references_leave_the_admin_api_and_the_messenger_webhook_off()
    {
        using var database = new TempDatabase();
        await using var host = BotHost.Start(database.FilePath, new Dictionary<string, string?>
        {
            ["Admin:ApiKey"] = Unresolved,
            ["Messenger:AppSecret"] = Unresolved.Replace("admin-api-key", "messenger-app-secret", StringComparison.Ordinal),
            ["Messenger:VerifyToken"] = Unresolved.Replace("admin-api-key", "messenger-verify-token", StringComparison.Ordinal),
            ["Messenger:PageAccessToken"] = Unresolved.Replace("admin-api-key", "messenger-page-access-token", StringComparison.Ordinal),
        });
        using var admin = new HttpRequestMessage(HttpMethod.Get, "/api/admin/handoffs");
        admin.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Unresolved);

        using var adminResponse = await host.Client.SendAsync(admin);
        using var handshake = await host.Client.GetAsync("/api/messenger?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (adminResponse.StatusCode, handshake.StatusCode));
    }
}
