using ConversationBot.Dialogs.Orders;

namespace ConversationBot.Bot.Orders;

/// <summary>The shape of the sample orders file.</summary>
internal sealed class OrderFile
{
    public List<SampleOrder> Orders { get; init; } = [];
}
