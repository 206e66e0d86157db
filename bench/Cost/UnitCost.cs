namespace ConversationBot.Bench.Cost;

/// <summary>
/// What one unit of work costs, averaged over its samples: a sample is the operations of one
/// measured window (a turn, a campaign, an idle interval) and the units it stands for (1 for a turn,
/// the messages sent for a campaign, the hours for the poller).
/// </summary>
internal sealed class UnitCost(string name)
{
    private readonly List<IReadOnlyList<MeteredOperation>> _samples = [];
    private double _units;

    public string Name { get; } = name;

    public int Samples => _samples.Count;

    public double Units => _units;

    public void Add(IReadOnlyList<MeteredOperation> operations, double units = 1)
    {
        _samples.Add(operations);
        _units += units;
    }

    private IEnumerable<MeteredOperation> All => _samples.SelectMany(s => s);

    public double Operations => Per(All.Count());

    public double Writes => Per(All.Count(o => o.IsWrite));

    public double Of(string kind) => Per(All.Count(o => o.Kind == kind));

    public double RequestBytes => Per(All.Sum(o => o.RequestBytes));

    public double ResponseBytes => Per(All.Sum(o => o.ResponseBytes));

    /// <summary>What the server reported (the test server: 1 per request).</summary>
    public double Charged => Per(All.Sum(o => o.Charge));

    public double EstimatedUnits => Per(All.Sum(RequestUnitModel.Estimate));

    /// <summary>The most writes any one sample made (for a turn: the worst turn).</summary>
    public int MaxWritesInASample => _samples.Count == 0 ? 0 : _samples.Max(s => s.Count(o => o.IsWrite));

    /// <summary>The same unit counting only one container's operations (e.g. the conversation state's).</summary>
    public UnitCost Only(string container)
    {
        var only = new UnitCost(Name);
        foreach (var sample in _samples)
        {
            only._samples.Add([.. sample.Where(o => o.Container == container)]);
        }

        only._units = _units;
        return only;
    }

    /// <summary>Operations by kind, e.g. "1 read, 1 upsert".</summary>
    public string ByKind() => string.Join(", ", OperationKinds.All
        .Select(kind => (kind, per: Of(kind)))
        .Where(k => k.per > 0)
        .Select(k => FormattableString.Invariant($"{k.per:0.##} {k.kind}")));

    private double Per(double total) => _units == 0 ? 0 : total / _units;
}
