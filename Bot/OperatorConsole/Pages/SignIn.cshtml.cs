using System.Security.Claims;
using ConversationBot.Bot.Admin;
using ConversationBot.Bot.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.OperatorConsole.Pages;

/// <summary>
/// The admin API key, shown once, opens a cookie session (HttpOnly, SameSite=Strict, Secure outside
/// Development). A wrong key counts against the address like a wrong key on the admin API
/// (<see cref="CredentialFailures"/>), so guessing is rate limited the same way.
/// </summary>
public sealed class SignInModel(IOptions<AdminOptions> admin, CredentialFailures failures) : PageModel
{
    private readonly byte[] _expectedHash = SecretComparison.Hash(admin.Value.ApiKey ?? string.Empty);

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? key)
    {
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
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/console", StringComparison.Ordinal) ? ReturnUrl : "/console");
    }
}
