using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ConversationBot.Bot.Tests.Support;

/// <summary>
/// A stand-in for Microsoft Entra ID's v2.0 endpoints on 127.0.0.1, enough for an OpenID Connect sign-in with
/// the authorization code and PKCE: tenant metadata, signing keys, an authorize endpoint that signs
/// <see cref="NextUser"/> in at once (no password page), and a token endpoint that checks the client secret
/// and the PKCE verifier and answers with an id token carrying the user's name and app roles.
/// </summary>
public sealed class FakeEntraId : IAsyncDisposable
{
    public const string TenantId = "11111111-2222-3333-4444-555555555555";
    public const string ClientId = "66666666-7777-8888-9999-000000000000";
    public const string ClientSecret = "fake-entra-client-secret";

    private static readonly string[] CodeOnly = ["code"];
    private static readonly string[] Pairwise = ["pairwise"];
    private static readonly string[] Rs256 = ["RS256"];

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "fake-key-1" };
    private readonly ConcurrentDictionary<string, (string Nonce, string Challenge, FakeEntraUser User)> _codes = new();

    private FakeEntraId(WebApplication app) => _app = app;

    public Uri Instance { get; private set; } = null!;

    /// <summary>Who the next sign-in is.</summary>
    public FakeEntraUser NextUser { get; set; } = new("Ada Operator", ["Console.Read", "Campaigns.Manage", "Customers.Manage"]);

    /// <summary>Every request it was sent (method and path), to say where a sign-in stopped.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Token requests refused (wrong secret, wrong verifier, unknown code).</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    private string Issuer => $"{Instance}{TenantId}/v2.0";

    public static async Task<FakeEntraId> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeEntraId(app);
        app.Use(async (context, next) =>
        {
            fake.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            await next();
        });
        app.MapGet($"/{TenantId}/v2.0/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = fake.Issuer,
            ["authorization_endpoint"] = $"{fake.Instance}{TenantId}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{fake.Instance}{TenantId}/oauth2/v2.0/token",
            ["jwks_uri"] = $"{fake.Instance}{TenantId}/discovery/v2.0/keys",
            ["response_types_supported"] = CodeOnly,
            ["subject_types_supported"] = Pairwise,
            ["id_token_signing_alg_values_supported"] = Rs256,
        }));
        app.MapGet($"/{TenantId}/discovery/v2.0/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(fake._key);
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        });
        app.MapGet($"/{TenantId}/oauth2/v2.0/authorize", (HttpRequest request) =>
        {
            var query = request.Query;
            if (query["client_id"] != ClientId || query["code_challenge_method"] != "S256")
            {
                return Results.BadRequest("unknown client or no PKCE");
            }

            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            fake._codes[code] = (query["nonce"].ToString(), query["code_challenge"].ToString(), fake.NextUser);
            return Results.Redirect($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query["state"].ToString())}");
        });
        app.MapPost($"/{TenantId}/oauth2/v2.0/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (!fake._codes.TryRemove(form["code"].ToString(), out var granted)
                || form["client_secret"] != ClientSecret
                || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != granted.Challenge)
            {
                fake.Refusals.Enqueue(form["code"].ToString());
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            // The identity platform's own clock: the OpenID Connect handler checks a token's lifetime against the system clock, not the host's TimeProvider.
            var now = DateTime.UtcNow;
            var claims = new List<Claim> { new("sub", "sub-" + granted.User.Name), new("name", granted.User.Name), new("nonce", granted.Nonce), new("tid", TenantId) };
            claims.AddRange(granted.User.Roles.Select(role => new Claim("roles", role)));
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = fake.Issuer,
                Audience = ClientId,
                Subject = new ClaimsIdentity(claims),
                IssuedAt = now,
                NotBefore = now.AddMinutes(-1),
                Expires = now.AddHours(1),
                SigningCredentials = new SigningCredentials(fake._key, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new { token_type = "Bearer", id_token = idToken, access_token = "not-used", expires_in = 3600 });
        });
        await app.StartAsync();
        fake.Instance = new Uri(app.Urls.First() + "/");
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Rsa.Dispose();
    }
}

public sealed record FakeEntraUser(string Name, IReadOnlyList<string> Roles);
