using ConversationBot.Bot.OperatorConsole;

namespace ConversationBot.Bot.Tests.OperatorConsole;

/// <summary>Entra ID sign-in is off or complete; a half-configured one stops the host naming what is missing.</summary>
public sealed class EntraIdOptionsValidationTests
{
    [Fact]
    public void Without_a_client_id_nothing_else_is_required()
    {
        Assert.True(new EntraIdOptionsValidation().Validate(null, new EntraIdOptions()).Succeeded);
    }

    [Fact]
    public void A_client_id_needs_the_tenant_the_secret_and_an_https_instance()
    {
        var result = new EntraIdOptionsValidation().Validate(null, new EntraIdOptions { ClientId = "app", Instance = new Uri("http://login.example.com/") });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Failures!, f => f.StartsWith("Console:EntraId:TenantId is required", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Console:EntraId:ClientSecret is required", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Console:EntraId:Instance must be an https://", StringComparison.Ordinal));
    }

    [Fact]
    public void The_authority_is_the_tenants_v2_endpoint()
    {
        var options = new EntraIdOptions { ClientId = "app", TenantId = "contoso.onmicrosoft.com", ClientSecret = "s3cret-value" };

        Assert.True(new EntraIdOptionsValidation().Validate(null, options).Succeeded);
        Assert.Equal(new Uri("https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0"), options.Authority);
    }
}
