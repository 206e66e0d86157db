namespace ConversationBot.Bench.Cost;

/// <summary>The kinds of document operation the bench tells apart; each has its own estimate in <see cref="RequestUnitModel"/>.</summary>
internal static class OperationKinds
{
    public const string Read = "read";

    /// <summary>A point read of a document that is not there (404): the service still charges it.</summary>
    public const string ReadAbsent = "read-404";

    public const string ReadFeed = "read-feed";
    public const string Query = "query";

    /// <summary>The SDK asks the gateway how to run a query (the test server needs a workaround to answer it).</summary>
    public const string QueryPlan = "query-plan";

    public const string Create = "create";
    public const string Replace = "replace";
    public const string Upsert = "upsert";
    public const string Patch = "patch";
    public const string Delete = "delete";
    public const string Batch = "batch";

    /// <summary>In the order the tables print them.</summary>
    public static IReadOnlyList<string> All { get; } = [Read, ReadAbsent, ReadFeed, Query, QueryPlan, Create, Replace, Upsert, Patch, Delete, Batch];

    public static IReadOnlySet<string> Writes { get; } = new HashSet<string>(StringComparer.Ordinal) { Create, Replace, Upsert, Patch, Delete, Batch };
}
