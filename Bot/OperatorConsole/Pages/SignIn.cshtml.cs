using System.Security.Claims;
using ConversationBot.Bot.Admin;
using ConversationBot.Bot.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.OperatorConsole.Pages;

/// <summary>
/// With Microsoft Entra ID configured, the page hands the operator to it (<see cref="EntraIdSignIn"/>) and
/// the key is not accepted here. Otherwise the admin API key, shown once, opens a cookie session (HttpOnly,
/// SameSite=Strict, Secure outside Development); a wrong key counts against the address like a wrong key
/// on the admin API (<see cref="CredentialFailures"/>), so guessing is rate limited the same way.
/// </summary>
public sealed class SignInModel(IOptions<AdminOptions> admin, IOptions<EntraIdOptions> entra, CredentialFailures failures) : PageModel
{
    public bool UsesEntraId => entra.Value.IsEnabled;

    private readonly byte[] _expectedHash = SecretComparison.Hash(admin.Value.ApiKey ?? string.Empty);

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
        if (UsesEntraId)
        {
            Response.Headers.ContentSecurityPolicy = SecurityHeaders.AllowingFormsTo(entra.Value.Instance);
        }
    }

    public IActionResult OnPostEntraId() =>
        UsesEntraId ? Challenge(new AuthenticationProperties { RedirectUri = Destination() }, EntraIdSignIn.Scheme) : NotFound();

    public async Task<IActionResult> OnPostAsync(string? key)
    {
        if (UsesEntraId)
        {
            return NotFound();
        }

        if (!SecretComparison.Matches(key, _expectedHash))
        {
            failures.Record(ClientAddress.PartitionKey(HttpContext));
            Problem = "That is not the admin API key.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "operator"), .. ConsoleAuthentication.KeyRoles.Select(role => new Claim(ClaimTypes.Role, role))],
            ConsoleAuthentication.Scheme);
        await HttpContext.SignInAsync(ConsoleAuthentication.Scheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        return LocalRedirect(Destination());
    }

    private string Destination() => Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/console", StringComparison.Ordinal) ? ReturnUrl : "/console";
}
