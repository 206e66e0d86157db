using ConversationBot.Bot.BotFramework;
using ConversationBot.Bot.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Tests.Security;

/// <summary>Which service URLs an anonymous bot may send to: loopback literals and the allowed list, nothing a name or a trick could turn into another address.</summary>
public sealed class ServiceUrlPolicyTests
{
    [Theory]
    [InlineData("http://127.0.0.1:3978/")]
    [InlineData("http://127.5.6.7/")]
    [InlineData("http://localhost:56150/")]
    [InlineData("http://LOCALHOST:56150/")]
    [InlineData("https://[::1]:8443/")]
    [InlineData("http://[::ffff:127.0.0.1]:9000/")]
    public void Loopback_service_urls_are_allowed_without_authentication(string serviceUrl) =>
        Assert.True(Anonymous().Allows(serviceUrl));

    [Theory]
    [InlineData("http://169.254.169.254/")]
    [InlineData("http://169.254.169.254/metadata/instance?api-version=2021-02-01")]
    [InlineData("http://[::ffff:169.254.169.254]/")]
    [InlineData("http://127.0.0.1@169.254.169.254/")]
    [InlineData("http://10.0.0.5:8080/")]
    [InlineData("http://192.168.1.1/")]
    [InlineData("http://0.0.0.0:3978/")]
    [InlineData("http://127.0.0.1.nip.io/")]
    [InlineData("http://localhost.attacker.example/")]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("http://127.0.0\uFFFD.1:44997")]
    [InlineData("http://xn--ls8h.example/")]
    [InlineData("not a url")]
    [InlineData(null)]
    public void Anything_else_is_refused_without_authentication(string? serviceUrl) =>
        Assert.False(Anonymous().Allows(serviceUrl));

    [Theory]
    [InlineData("https://channel.example.test/", true)]
    [InlineData("https://channel.example.test/emea/", true)]
    [InlineData("https://CHANNEL.example.test/", true)]
    [InlineData("http://channel.example.test/", false)]
    [InlineData("https://channel.example.test:8443/", false)]
    [InlineData("https://channel.example.test.attacker.example/", false)]
    [InlineData("https://teams.example.test/amer/", true)]
    [InlineData("https://teams.example.test/amer", true)]
    [InlineData("https://teams.example.test/amer-evil/", false)]
    [InlineData("https://teams.example.test/", false)]
    [InlineData("https://teams.example.test/amer/../admin/", false)]
    public void The_allowed_list_matches_scheme_host_port_and_path_prefix(string serviceUrl, bool allowed) =>
        Assert.Equal(allowed, Anonymous("https://channel.example.test", "https://teams.example.test/amer/").Allows(serviceUrl));

    [Fact]
    public void With_an_app_id_the_service_url_comes_with_a_validated_token_and_is_not_checked_here()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "00000000-1111-2222-3333-444444444444",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        }).Build();
        var policy = new ServiceUrlPolicy(Options.Create(new BotOptions()), configuration);

        Assert.True(policy.AuthenticationIsOn);
        Assert.True(policy.Allows("https://smba.trafficmanager.net/emea/"));
    }

    [Fact]
    public void A_refusal_names_the_setting_and_only_the_urls_authority()
    {
        var reason = ServiceUrlPolicy.RefusalReason("http://169.254.169.254/metadata/identity/oauth2/token?resource=secret");

        Assert.Contains("Bot:AllowedServiceUrls", reason, StringComparison.Ordinal);
        Assert.Contains("http://169.254.169.254", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("oauth2", reason, StringComparison.Ordinal);
    }

    private static ServiceUrlPolicy Anonymous(params string[] allowed) =>
        new(Options.Create(new BotOptions { AllowedServiceUrls = allowed }), new ConfigurationBuilder().Build());
}
