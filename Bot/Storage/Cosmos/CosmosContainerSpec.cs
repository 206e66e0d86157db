namespace ConversationBot.Bot.Storage.Cosmos;

/// <summary>
/// A Cosmos DB container the bot uses: its name, partition key path, default time to live (<c>null</c>:
/// off; -1: on, each document says when it expires with its own <c>ttl</c>) and the only paths its
/// index holds (<c>/status/?</c>); everything else is excluded, because a path nobody queries costs RU
/// on every write and storage for nothing. No paths: the container is only ever read by id.
/// Equal when every part is, paths in order (the deployment templates are compared with this).
/// </summary>
public sealed record CosmosContainerSpec(string Name, string PartitionKeyPath, int? DefaultTimeToLiveSeconds, IReadOnlyList<string> IndexedPaths)
{
    public bool Equals(CosmosContainerSpec? other) =>
        other is not null
        && Name == other.Name
        && PartitionKeyPath == other.PartitionKeyPath
        && DefaultTimeToLiveSeconds == other.DefaultTimeToLiveSeconds
        && IndexedPaths.SequenceEqual(other.IndexedPaths, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Name, PartitionKeyPath, DefaultTimeToLiveSeconds, IndexedPaths.Count);

    public override string ToString() =>
        $"{Name} ({PartitionKeyPath}, ttl {DefaultTimeToLiveSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "off"}, indexed [{string.Join(", ", IndexedPaths)}])";
}
