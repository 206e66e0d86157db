using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ConversationBot.Bot.OperatorConsole;

/// <summary>
/// The OpenID Connect scheme that signs an operator in with Microsoft Entra ID into the console's own cookie
/// (<see cref="ConsoleAuthentication.Scheme"/>): authorization code with PKCE, the answer in the query (so
/// its cookies can stay SameSite=Lax instead of None), the token's <c>roles</c> claim as the roles the
/// console's policies require and <c>name</c> as the name the audit log shows.
/// </summary>
public sealed class EntraIdSignIn(IOptions<EntraIdOptions> entra, IHostEnvironment environment) : IConfigureNamedOptions<OpenIdConnectOptions>
{
    public const string Scheme = "console-entra";

    public const string CallbackPath = "/console/signin-oidc";

    public void Configure(string? name, OpenIdConnectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name != Scheme)
        {
            return;
        }

        var settings = entra.Value;
        options.SignInScheme = ConsoleAuthentication.Scheme;
        options.Authority = settings.Authority.ToString();
        options.RequireHttpsMetadata = settings.Authority.Scheme == Uri.UriSchemeHttps || !environment.IsDevelopment();
        options.ClientId = settings.ClientId;
        options.ClientSecret = settings.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.UsePkce = true;
        options.CallbackPath = CallbackPath;
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("profile");
        options.MapInboundClaims = false;
        options.TokenValidationParameters.NameClaimType = "name";
        options.TokenValidationParameters.RoleClaimType = "roles";
        options.SaveTokens = false;
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.Path = "/console";
        options.NonceCookie.Path = "/console";
        var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        options.CorrelationCookie.SecurePolicy = secure;
        options.NonceCookie.SecurePolicy = secure;
    }

    public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);
}
