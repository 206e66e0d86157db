namespace ConversationBot.Bench.Cost;

/// <summary>
/// One document operation as the service saw it: container, kind (<see cref="OperationKinds"/>),
/// status, the bytes of the request's body and of the response's body, the charge the server reported
/// (<c>x-ms-request-charge</c>, 0 when absent) for a query, how many documents came back, and the resource path (for --verbose).
/// </summary>
internal sealed record MeteredOperation(string Container, string Kind, int Status, long RequestBytes, long ResponseBytes, double Charge, int Items, string Path)
{
    public bool IsWrite => OperationKinds.Writes.Contains(Kind);

    public override string ToString() => FormattableString.Invariant($"{Kind} {Container} {Status} req {RequestBytes} B resp {ResponseBytes} B est {RequestUnitModel.Estimate(this):0.##} RU {Path}");
}
