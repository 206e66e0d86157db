namespace ConversationBot.Dialogs.Engine;

/// <summary>All dialogs of the bot, by id. Built once at start-up and shared by every turn.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet(IEnumerable<Dialog> dialogs)
    {
        foreach (var dialog in dialogs)
        {
            if (!_dialogs.TryAdd(dialog.Id, dialog))
            {
                throw new InvalidOperationException($"Two dialogs share the id '{dialog.Id}'.");
            }
        }
    }

    public Dialog Find(string id) =>
        _dialogs.TryGetValue(id, out var dialog)
            ? dialog
            : throw new InvalidOperationException($"No dialog with the id '{id}' is registered.");

    public bool Contains(string id) => _dialogs.ContainsKey(id);
}
