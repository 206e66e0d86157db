namespace ConversationBot.Notifications.Errors;

/// <summary><c>Notifications:Errors</c>: backoff and pause lengths for classified platform errors.</summary>
public sealed class PlatformErrorOptions
{
    /// <summary>The first retry delay; doubled per attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long opt-in requests stop page-wide after 10/1404170 (the platform does not say).</summary>
    public TimeSpan PageOptInBar { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long sends pause page-wide after 10/1893063.</summary>
    public TimeSpan PageSendPause { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long offers to one customer stop after 9/2018352 ("for the day").</summary>
    public TimeSpan CustomerOfferBlock { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Recurring Notifications' refusal of a token outside its five regions, as <c>code/subcode</c>
    /// (e.g. <c>10/2018999</c>). Meta has not documented the code (docs/messenger-platform.md §5): until it
    /// does, an error whose message names the region is read as one; list the pair here once it is known.
    /// </summary>
    public string[] RecurringNotificationsRegionRefusals { get; set; } = [];

    public IEnumerable<string> Problems(string section)
    {
        foreach (var (name, value) in new[]
        {
            (nameof(InitialBackoff), InitialBackoff), (nameof(MaxBackoff), MaxBackoff), (nameof(PageOptInBar), PageOptInBar),
            (nameof(PageSendPause), PageSendPause), (nameof(CustomerOfferBlock), CustomerOfferBlock),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"{section}:{name} must be positive";
            }
        }

        foreach (var pair in RecurringNotificationsRegionRefusals)
        {
            if (pair is null || !System.Text.RegularExpressions.Regex.IsMatch(pair, @"^[0-9]{1,9}/[0-9]{0,9}$"))
            {
                yield return $"{section}:RecurringNotificationsRegionRefusals '{pair}' must be code/subcode, e.g. 10/2018999 (subcode may be empty: 10/)";
            }
        }

        if (MaxBackoff < InitialBackoff)
        {
            yield return $"{section}:MaxBackoff must be at least InitialBackoff";
        }
    }
}
