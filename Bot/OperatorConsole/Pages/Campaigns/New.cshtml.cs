using System.Text.Encodings.Web;
using System.Text.Json;
using ConversationBot.Bot.Admin;
using ConversationBot.Bot.Delivery;
using ConversationBot.Notifications.Campaigns;
using ConversationBot.Notifications.Delivery;
using ConversationBot.Notifications.Languages;
using ConversationBot.Notifications.Topics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationBot.Bot.OperatorConsole.Pages.Campaigns;

/// <summary>
/// The composer (role Campaigns.Manage): write the message per language, pick when and whom, see the
/// preview the admin API gives (audience, who may get it now and why not, the exact message per
/// language and channel), then send. Checked by the same rules as the API; nothing is stored until Send.
/// </summary>
[Authorize(Policy = ConsoleAuthentication.CampaignsPolicy)]
public sealed class NewModel(
    TopicCatalog topics, SubscriberLanguages languages, CampaignService campaigns, CampaignPreview preview, DeliverySignal signal, TimeProvider clock) : PageModel
{
    /// <summary>The preview's JSON as people read it: indented, and not escaped for script (the page encodes it as HTML).</summary>
    public static readonly JsonSerializerOptions Readable = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [BindProperty]
    public ComposerForm Form { get; set; } = new();

    public IReadOnlyList<Topic> Topics { get; } = [.. topics.Topics.Where(t => t.Id != Topic.UnknownId)];

    public IReadOnlyList<string> LanguageCodes => languages.Codes;

    public string FallbackLanguage => languages.Fallback;

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public CampaignPreviewView? Preview { get; private set; }

    public void OnGet()
    {
        Form.Topic = Topics.Count > 0 ? Topics[0].Id : null;
        Form.DefaultLanguage = languages.Fallback;
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (Read() is not { } draft)
        {
            return Page();
        }

        var errors = campaigns.Validate(draft, clock.GetUtcNow());
        if (errors.Count > 0)
        {
            return Refused(errors);
        }

        Preview = CampaignPreviewView.Of(await preview.RunAsync(draft, cancellationToken).ConfigureAwait(false), draft.Content, languages);
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken)
    {
        if (Read() is not { } draft)
        {
            return Page();
        }

        var created = await campaigns.CreateAsync(draft, cancellationToken).ConfigureAwait(false);
        if (created.Campaign is not { } campaign)
        {
            return Refused(created.Errors);
        }

        signal.Wake();
        return RedirectToPage("/Campaigns/Detail", new { id = campaign.Id });
    }

    private CampaignDraft? Read()
    {
        var problems = new List<string>();
        var request = Form.ToRequest(problems);
        var errors = new List<FieldError>();
        var draft = problems.Count == 0 ? CampaignDraftReader.Read(request, languages, errors) : null;
        Problems = [.. problems, .. errors.Select(e => $"{e.Field}: {e.Message}")];
        return Problems.Count == 0 ? draft : null;
    }

    private PageResult Refused(IEnumerable<FieldError> errors)
    {
        Problems = [.. errors.Select(e => $"{e.Field}: {e.Message}")];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
