namespace ConversationBot.Bench.Cost;

/// <summary>
/// What an operation would cost on Azure, from Microsoft's documented figures, because the test server
/// charges 1 RU for every request (docs/cosmos-db.md, "what the local server cannot prove"). Sources
/// (docs/cost.md has the reasoning):
/// - https://learn.microsoft.com/azure/cosmos-db/request-units : a point read of a 1 KB item is 1 RU;
/// - https://learn.microsoft.com/azure/cosmos-db/understand-request-unit-consumption : read and write
///   RU by document size with the default (index everything) policy, the table below; a read of an
///   absent document is charged as a read (1 RU);
/// - https://learn.microsoft.com/azure/cosmos-db/optimize-cost-reads-writes and the capacity planner's
///   notes: a replace costs about twice an insert (the old index terms are removed, the new added); a
///   query within one partition about 2.3 RU plus each document it returns (as a point read of its size).
/// Not modelled: a container with indexing off writes for less than the table says (the documentation
/// says so without a figure), and a write the service refuses is assumed to cost 1 RU.
/// Session consistency (the account default); strong or bounded staleness doubles every read.
/// An estimate, not a bill: the service's charge also depends on the number of properties indexed.
/// </summary>
internal static class RequestUnitModel
{
    /// <summary>(KB, point read RU, write RU): the documented table, sizes between two rows interpolated.</summary>
    private static readonly (double Kilobytes, double Read, double Write)[] BySize =
    [
        (1, 1.00, 4.95), (2, 1.04, 6.29), (4, 1.14, 6.67), (8, 1.33, 7.04), (16, 1.67, 9.52), (32, 2.19, 11.23),
        (64, 4.76, 22.67), (128, 9.95, 48.19), (256, 20.28, 98.29), (512, 40.95, 184.57), (1024, 145.90, 625.00), (2048, 291.80, 1250.00),
    ];

    /// <summary>A query's own cost in one partition, before the documents it returns.</summary>
    public const double QueryBase = 2.3;

    /// <summary>A replace (and an upsert or patch of a document that exists) against an insert of the same size.</summary>
    public const double ReplaceFactor = 2.0;

    public static double Estimate(MeteredOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation.IsWrite && operation.Status is 404 or 409 or 412)
        {
            // Refused (not there, already there, changed since read): no document written. Assumed to cost
            // what finding out costs, a point read; the documentation gives no figure.
            return 1.0;
        }

        return operation.Kind switch
        {
            OperationKinds.Read => Read(operation.ResponseBytes),
            OperationKinds.ReadAbsent => 1.0,
            OperationKinds.Query or OperationKinds.ReadFeed => QueryBase + (operation.Items * Read(operation.Items == 0 ? 0 : operation.ResponseBytes / operation.Items)),

            // Answered by the gateway from the query's text, not by a partition: no documents touched.
            OperationKinds.QueryPlan => 0,
            OperationKinds.Create or OperationKinds.Batch => Write(operation.RequestBytes),

            // 201: the upsert created the document (an insert); 200: it replaced one.
            OperationKinds.Upsert => operation.Status == 201 ? Write(operation.RequestBytes) : ReplaceFactor * Write(operation.RequestBytes),
            OperationKinds.Replace => ReplaceFactor * Write(operation.RequestBytes),

            // A patch's body is the change, not the document: charged as a replace of a 1 KB document.
            OperationKinds.Patch => ReplaceFactor * Write(0),

            // A delete removes the document's index terms: charged as an insert of 1 KB.
            OperationKinds.Delete => Write(0),
            _ => 1.0,
        };
    }

    public static double Read(long bytes) => Interpolate(bytes, static row => row.Read);

    public static double Write(long bytes) => Interpolate(bytes, static row => row.Write);

    private static double Interpolate(long bytes, Func<(double Kilobytes, double Read, double Write), double> column)
    {
        var kilobytes = bytes / 1024.0;
        if (kilobytes <= BySize[0].Kilobytes)
        {
            return column(BySize[0]);
        }

        for (var i = 1; i < BySize.Length; i++)
        {
            if (kilobytes <= BySize[i].Kilobytes)
            {
                var (low, high) = (BySize[i - 1], BySize[i]);
                var share = (kilobytes - low.Kilobytes) / (high.Kilobytes - low.Kilobytes);
                return column(low) + (share * (column(high) - column(low)));
            }
        }

        return column(BySize[^1]) * kilobytes / BySize[^1].Kilobytes;
    }
}
