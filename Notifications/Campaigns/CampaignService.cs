using ConversationBot.Notifications.Languages;
using ConversationBot.Notifications.Timing;
using ConversationBot.Notifications.Topics;

namespace ConversationBot.Notifications.Campaigns;

/// <summary>What operators do with campaigns: create (checked against the topics and languages), cancel, look up.</summary>
public sealed class CampaignService(
    ICampaignStore campaigns, TopicCatalog topics, SubscriberLanguages languages, RecipientTiming timing, TimeProvider clock, CampaignBudgetRule? budgets = null)
{
    private readonly CampaignBudgetRule _budgets = budgets ?? CampaignBudgetRule.NotConfigured;

    /// <summary>Creates a campaign in the fallback language, or returns every rule the request breaks with the field it concerns.</summary>
    public Task<CampaignCreation> CreateAsync(
        string? topicId, CampaignContent content, DateTimeOffset? sendAt, DateTimeOffset? endAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        return CreateAsync(new CampaignDraft(topicId, LocalizedContent.OneLanguage(content, languages.Fallback), CampaignSegment.Everyone, sendAt, endAt, IsPlain: true), cancellationToken);
    }

    /// <summary>Creates a campaign, or returns every rule the draft breaks with the field it concerns; nothing is stored then.</summary>
    public async Task<CampaignCreation> CreateAsync(CampaignDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = clock.GetUtcNow();
        var errors = Validate(draft, now);
        if (errors.Count > 0)
        {
            return CampaignCreation.Invalid(errors);
        }

        var campaign = Campaign.Create(CampaignIds.New(now), draft.TopicId!, draft.Content, draft.Segment, draft.SendAt, draft.EndAt, now, localTime: draft.LocalTime, ignoresQuietHours: draft.IgnoresQuietHours, budget: draft.Budget);
        if (!await campaigns.TryCreateAsync(campaign, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"A campaign with the new id {campaign.Id} exists already.");
        }

        return CampaignCreation.Created((await campaigns.FindAsync(campaign.Id, cancellationToken).ConfigureAwait(false))!);
    }

    /// <summary>Every rule <paramref name="draft"/> breaks at <paramref name="now"/>: its topic, each language version, the segment, the times.</summary>
    public IReadOnlyList<FieldError> Validate(CampaignDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(draft.TopicId))
        {
            errors.Add(new FieldError("topic", "is required."));
        }
        else if (!topics.TryGet(draft.TopicId, out _))
        {
            errors.Add(new FieldError("topic", $"'{draft.TopicId}' is not a configured topic ({string.Join(", ", topics.Topics.Select(t => t.Id))})."));
        }

        // The plain form (text, imageUrl, buttons) keeps its field names; the localized one is under content.<language>.
        errors.AddRange(draft.IsPlain
            ? draft.Content.DefaultVersion().Validate()
            : draft.Content.Validate(languages));
        errors.AddRange(draft.Segment.Validate(languages));
        errors.AddRange(_budgets.Validate(draft.Budget));
        var startAt = draft.SendAt is { } at && at > now ? at : now;
        if (draft.EndAt is { } end && end <= startAt)
        {
            errors.Add(new FieldError("endAt", "must be after the send time."));
        }

        if (draft.LocalTime is { Date: { } date } local && !WallClock.Exists(date, local.Time, timing.FallbackZone))
        {
            // Checked in the zone of subscribers without one; in a subscriber's own zone such a time becomes the end of the gap (WallClock.cs).
            errors.Add(new FieldError("localTime", $"{local.Time:HH:mm} does not exist on {date:yyyy-MM-dd} in {timing.FallbackZone.Id}: the clocks skip it for daylight saving time."));
        }

        return errors;
    }

    /// <summary>
    /// Raises a campaign's Marketing Messages budget to <paramref name="budget"/> (<see cref="CampaignBudgetRule.ValidateRaise"/>)
    /// and wakes it when a send's answer holds it (<see cref="Campaign.RaiseBudget"/>). <paramref name="beforeSave"/> runs
    /// once, after the checks and before anything is saved: the caller's part that must succeed first (the budget of the
    /// campaign's Meta campaign); when it throws nothing is saved. <c>null</c> when there is no such campaign.
    /// </summary>
    public Task<CampaignBudgetRaise?> RaiseBudgetAsync(
        string campaignId, long? budget, Func<Campaign, long, CancellationToken, Task> beforeSave, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(beforeSave);
        var told = false;
        return ConflictRetry.RunAsync($"Campaign {campaignId}", async token =>
        {
            var campaign = await campaigns.FindAsync(campaignId, token).ConfigureAwait(false);
            if (campaign is null)
            {
                return Round<CampaignBudgetRaise?>.Done(null);
            }

            if (campaign.IsFinished)
            {
                return Round<CampaignBudgetRaise?>.Done(new CampaignBudgetRaise(campaign, [], false));
            }

            var errors = _budgets.ValidateRaise(campaign.Budget, budget);
            if (errors.Count > 0)
            {
                return Round<CampaignBudgetRaise?>.Done(new CampaignBudgetRaise(campaign, errors, false));
            }

            if (!told)
            {
                await beforeSave(campaign, budget!.Value, token).ConfigureAwait(false);
                told = true;
            }

            var woken = campaign.RaiseBudget(budget!.Value, clock.GetUtcNow());
            return await campaigns.TrySaveAsync(campaign, token).ConfigureAwait(false)
                ? Round<CampaignBudgetRaise?>.Done(new CampaignBudgetRaise((await campaigns.FindAsync(campaignId, token).ConfigureAwait(false))!, [], woken))
                : Round<CampaignBudgetRaise?>.Conflict;
        }, cancellationToken);
    }

    /// <summary>Cancels the campaign; its runner stops after the page in flight. <c>null</c> when there is no such campaign.</summary>
    public Task<CampaignCancellation?> CancelAsync(string campaignId, CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync($"Campaign {campaignId}", async token =>
        {
            var campaign = await campaigns.FindAsync(campaignId, token).ConfigureAwait(false);
            if (campaign is null)
            {
                return Round<CampaignCancellation?>.Done(null);
            }

            if (!campaign.Cancel(clock.GetUtcNow()))
            {
                return Round<CampaignCancellation?>.Done(new CampaignCancellation(campaign, false));
            }

            // The runner saves after every page; on a conflict read again and cancel the newer state.
            return await campaigns.TrySaveAsync(campaign, token).ConfigureAwait(false)
                ? Round<CampaignCancellation?>.Done(new CampaignCancellation((await campaigns.FindAsync(campaignId, token).ConfigureAwait(false))!, true))
                : Round<CampaignCancellation?>.Conflict;
        }, cancellationToken);
}
