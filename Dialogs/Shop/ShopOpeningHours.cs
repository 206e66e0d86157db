namespace ConversationBot.Dialogs.Shop;

/// <summary>
/// The shop's opening hours as the bot uses them: <see cref="At"/> says whether it is open, or
/// <c>null</c> when the settings give the hours as text only (no <c>Weekdays</c>), and then the bot says
/// nothing about when the shop opens.
/// </summary>
public sealed class ShopOpeningHours(ShopOptions shop)
{
    private readonly OpeningSchedule? _schedule = OpeningSchedule.From(shop);

    public OpeningState? At(DateTimeOffset now) => _schedule?.At(now);
}
