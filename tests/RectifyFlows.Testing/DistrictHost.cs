using System.Net;

namespace RectifyFlows.Testing;

/// <summary>
/// The set-up most host test classes share: the host process on tables of its own (a fresh prefix, so classes never see
/// each other's rows), the unit keys of <see cref="TestKeys"/>, and — unless asked not to — the test district
/// (<see cref="TestPlans.District"/> 1) imported by the operator. Started once per class in <c>[ClassInitialize]</c>,
/// disposed in <c>[ClassCleanup]</c>.
/// </summary>
public sealed class DistrictHost : IAsyncDisposable
{
    private DistrictHost(HostProcess process, LedgerFixture ledger, string? planId)
    {
        Process = process;
        Ledger = ledger;
        PlanId = planId;
    }

    /// <summary>The running host.</summary>
    public HostProcess Process { get; }

    /// <summary>The storage services over the host's tables, for snapshots and direct reads.</summary>
    public LedgerFixture Ledger { get; }

    /// <summary>The table prefix the host runs on (also names its task hub).</summary>
    public string Prefix => Ledger.Prefix;

    /// <summary>The imported district's plan id, or null when none was imported.</summary>
    public string? PlanId { get; }

    public Uri BaseAddress => Process.BaseAddress;

    /// <summary>
    /// Starts the host with <see cref="TestKeys.UnitKeySettings"/> plus <paramref name="settings"/> (which win), and
    /// imports the test district unless <paramref name="importDistrict"/> is false.
    /// </summary>
    public static async Task<DistrictHost> StartAsync(
        IReadOnlyDictionary<string, string>? settings = null, string environment = "Development", bool importDistrict = true)
    {
        var ledger = await LedgerFixture.CreateAsync();
        var all = TestKeys.UnitKeySettings();
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        HostProcess? process = null;
        try
        {
            process = await HostProcess.StartAsync(ledger.Prefix, all, environment);
            string? planId = null;
            if (importDistrict)
            {
                var district = TestPlans.District(1);
                using var client = process.Client(TestKeys.Operator);
                var created = await client.PostJsonAsync("api/plans", TestPlans.ToJson(district));
                await created.ExpectAsync(HttpStatusCode.Created);
                planId = district.PlanId;
            }

            return new DistrictHost(process, ledger, planId);
        }
        catch
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }

            await ledger.DisposeAsync();
            throw;
        }
    }

    /// <summary>An HTTP client for the host, with an API key when given (see <see cref="TestKeys"/>).</summary>
    public HttpClient Client(string? apiKey = null) => Process.Client(apiKey);

    /// <summary>Stops the host and deletes its tables.</summary>
    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        await Ledger.DisposeAsync();
    }
}
