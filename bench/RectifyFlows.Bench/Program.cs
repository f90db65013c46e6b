using System.Globalization;
using RectifyFlows.Bench;
using RectifyFlows.Bench.Engine;
using RectifyFlows.Bench.Mail;
using RectifyFlows.Bench.Province;

// Exit codes: 0 done, 1 the run failed, 2 bad arguments, 3 a check failed (table still printed).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message + "\n\n" + BenchOptions.Usage);
    return 2;
}

if (options.ShowHelp)
{
    await Console.Out.WriteLineAsync(BenchOptions.Usage);
    return 0;
}

using var cancellation = new CancellationTokenSource(options.Timeout);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    var root = RepositoryRoot.Find();
    string markdown;
    DateTimeOffset startedAt;
    bool passed;
    if (options.Scenario == BenchOptions.IntakeScenario)
    {
        var result = await new RectifyFlows.Bench.Intake.IntakeScenario(options, root).RunAsync(cancellation.Token);
        (markdown, startedAt, passed) = (result.ToMarkdown(), result.StartedAt, result.Passed);
    }
    else if (options.Scenario == BenchOptions.MailScenario)
    {
        var result = await new MailScenario(options, root).RunAsync(cancellation.Token);
        (markdown, startedAt, passed) = (result.ToMarkdown(), result.StartedAt, result.Checks.All(check => check.Passed));
    }
    else if (options.Scenario == BenchOptions.EngineScenario)
    {
        var result = await new EngineScenario(options, root).RunAsync(cancellation.Token);
        (markdown, startedAt, passed) = (EngineReport.ToMarkdown(result), result.StartedAt, result.Checks.All(check => check.Passed));
    }
    else
    {
        var result = await new ProvinceScenario(options, root).RunAsync(cancellation.Token);
        (markdown, startedAt, passed) = (ProvinceReport.ToMarkdown(result), result.StartedAt, result.Checks.All(check => check.Passed));
    }

    await Console.Out.WriteAsync(markdown);

    var outDirectory = options.OutDirectory ?? (options.OutToDefault ? RepositoryRoot.Results(root) : null);
    if (outDirectory is not null)
    {
        Directory.CreateDirectory(outDirectory);
        var path = Path.Combine(outDirectory, $"{options.Scenario}-{startedAt.UtcDateTime:yyyyMMdd-HHmm}.md");
        await File.WriteAllTextAsync(path, markdown, cancellation.Token);
        Progress.Write($"Wrote {path}.");
    }

    return passed ? 0 : 3;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Progress.Write($"Cancelled (Ctrl+C or the {options.Timeout.TotalMinutes:0}-minute timeout).");
    return 1;
}
#pragma warning disable CA1031 // The benchmark's last resort: report any failure and exit non-zero.
catch (Exception ex)
#pragma warning restore CA1031
{
    Progress.Write($"The benchmark failed: {ex}");
    return 1;
}
