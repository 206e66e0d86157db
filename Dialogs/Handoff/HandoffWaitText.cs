using System.Globalization;
using ConversationBot.Dialogs.Localization;
using ConversationBot.Dialogs.Resources;
using ConversationBot.Dialogs.Shop;

namespace ConversationBot.Dialogs.Handoff;

/// <summary>
/// What a customer waiting for a person is told about when one will answer, in their language, from the
/// shop's opening hours (Dialogs/Shop/OpeningSchedule.cs): outside them, at the hand-off, that the shop is
/// closed, when it opens and how else to reach it (<c>Shop:Phone</c>, <c>Shop:Email</c>); and once, when
/// nobody has answered for <c>Handoff:UnansweredAfter</c> (Bot/Desk/UnansweredHandoffNotices.cs), that a
/// person will answer and roughly when. Times are the shop's local ones.
/// </summary>
public static class HandoffWaitText
{
    /// <summary>The words added to the hand-off's confirmation when the shop is closed; <c>null</c> when it is open or its hours are text only.</summary>
    public static string? AtHandoff(OpeningState? state, ShopOptions shop, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(shop);
        if (state is null || state.IsOpen)
        {
            return null;
        }

        var texts = Texts.For(culture);
        return state.OpensAt is { } opens
            ? texts.Format(nameof(DialogStrings.Handoff_Closed), When(state, opens, texts), shop.Phone, shop.Email)
            : texts.Format(nameof(DialogStrings.Handoff_ClosedNoOpening), shop.Phone, shop.Email);
    }

    /// <summary>The one notice to a customer nobody has answered yet.</summary>
    public static string WhileUnanswered(OpeningState? state, ShopOptions shop, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var texts = Texts.For(culture);
        return state switch
        {
            null => texts[nameof(DialogStrings.Handoff_Unanswered)],

            // "Before 18:00" only when the shop closes today: a range to 24:00 closes tomorrow at 00:00.
            { IsOpen: true, ClosesAt: { } closes } when state.DaysFromToday(closes) == 0 =>
                texts.Format(nameof(DialogStrings.Handoff_UnansweredBefore), Time(closes)),
            { IsOpen: true } => texts[nameof(DialogStrings.Handoff_Unanswered)],
            { OpensAt: { } opens } => texts.Format(nameof(DialogStrings.Handoff_UnansweredClosed), When(state, opens, texts), shop.Phone, shop.Email),
            _ => texts.Format(nameof(DialogStrings.Handoff_ClosedNoOpening), shop.Phone, shop.Email),
        };
    }

    private static string When(OpeningState state, DateTimeOffset opens, Texts texts) => state.DaysFromToday(opens) switch
    {
        0 => texts.Format(nameof(DialogStrings.Opening_Today), Time(opens)),
        1 => texts.Format(nameof(DialogStrings.Opening_Tomorrow), Time(opens)),
        _ => texts.Format(nameof(DialogStrings.Opening_OnDay), texts.Culture.DateTimeFormat.GetDayName(opens.DayOfWeek), Time(opens)),
    };

    private static string Time(DateTimeOffset local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);
}
