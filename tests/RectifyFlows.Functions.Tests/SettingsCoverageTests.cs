using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RectifyFlows.Functions.Tests.Settings;
using RectifyFlows.Storage;
using RectifyFlows.Workflows;

namespace RectifyFlows.Functions.Tests;

/// <summary>
/// Issue 11: every setting the code reads is either given by the compiled Bicep template (so `azd provision` writes
/// it) or listed by hand in docs/deployment.md — the Functions app's under "Settings the template does not set", the
/// standalone host's own under "Settings only the standalone host reads" — and nothing the template or the docs name
/// is read by no code. The code's reads are found by <see cref="CodeSettings"/> (a source scan plus reflection over
/// the bound options classes), not by a list kept here.
/// </summary>
[TestClass]
public sealed class SettingsCoverageTests : FunctionsAppTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task EverySettingTheFunctionsAppReads_IsInTheTemplate_OrDocumentedAsManual()
    {
        var template = await TemplateKeysAsync();
        var manual = DocumentedSettings.Table(DocumentedSettings.ManualHeading);

        var missing = CodeSettings.Scan().Where(read => !read.HostOnly)
            .Where(read => !template.Any(t => DocumentedSettings.Covers(t, read.Key) || InTemplateBelow(read.Key, t)))
            .Where(read => !manual.Any(pattern => DocumentedSettings.Covers(pattern, read.Key)))
            .Select(read => $"{read.Key}  ← {read.Source}")
            .Distinct()
            .ToList();

        Assert.IsEmpty(missing,
            $"The Functions app reads settings that neither infra/ sets nor docs/deployment.md's \"{DocumentedSettings.ManualHeading}\" lists:\n"
            + string.Join('\n', missing));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task EverySettingOnlyTheStandaloneHostReads_IsDocumented()
    {
        var template = await TemplateKeysAsync();
        var documented = DocumentedSettings.Table(DocumentedSettings.ManualHeading)
            .Concat(DocumentedSettings.Table(DocumentedSettings.HostOnlyHeading)).ToList();

        var missing = CodeSettings.Scan().Where(read => read.HostOnly)
            .Where(read => !template.Any(t => DocumentedSettings.Covers(t, read.Key)))
            .Where(read => !documented.Any(pattern => DocumentedSettings.Covers(pattern, read.Key)))
            .Select(read => $"{read.Key}  ← {read.Source}")
            .Distinct()
            .ToList();

        Assert.IsEmpty(missing,
            $"The standalone host reads settings that docs/deployment.md's \"{DocumentedSettings.HostOnlyHeading}\" does not list:\n"
            + string.Join('\n', missing));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task EveryRectifyFlowsSettingOfTheTemplate_AndEveryDocumentedSetting_IsReadByTheCode()
    {
        var code = CodeSettings.Scan().Select(read => read.Key).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        // The platform's own settings (AzureWebJobsStorage__*, APPLICATIONINSIGHTS_*, AZURE_CLIENT_ID…) are read by the
        // Functions host and the SDKs; the app's own are RectifyFlows:*, and those must have a reader.
        var unreadTemplate = (await TemplateKeysAsync())
            .Where(key => key.StartsWith("RectifyFlows:", StringComparison.OrdinalIgnoreCase))
            .Where(key => !code.Any(c => DocumentedSettings.Covers(c, key)))
            .ToList();
        Assert.IsEmpty(unreadTemplate, "infra/ sets settings no code reads (a renamed or dropped option?):\n" + string.Join('\n', unreadTemplate));

        var unreadDocs = DocumentedSettings.Table(DocumentedSettings.ManualHeading)
            .Concat(DocumentedSettings.Table(DocumentedSettings.HostOnlyHeading))
            .Where(pattern => !code.Any(c => DocumentedSettings.Covers(pattern, c) || DocumentedSettings.Covers(c, pattern)))
            .ToList();
        Assert.IsEmpty(unreadDocs, "docs/deployment.md lists settings no code reads:\n" + string.Join('\n', unreadDocs));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request, CooperativeCancellation = true)]
    public void Scan_FindsEveryOptionsClassTheFunctionsCompositionBinds()
    {
        // The scan is checked against the composition itself: every RectifyFlows options class the Functions app
        // configures (with every channel on, so the dispatcher's options are registered too) is one the scan expanded.
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = FunctionsOutput.Directory.FullName,
        });
        builder.Configuration["RectifyFlows:Storage:ConnectionString"] = "UseDevelopmentStorage=true";
        builder.Configuration["RectifyFlows:Notifications:WeCom:Key"] = "a-robot-key";
        builder.AddRectifyFlowsStorage();
        builder.AddRectifyFlowsWorkflows();
        builder.AddRectifyFlowsFunctions();

        var configured = builder.Services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Where(t => t.Namespace?.StartsWith("RectifyFlows.", StringComparison.Ordinal) == true)
            .Distinct()
            .ToList();
        var scanned = CodeSettings.Scan().Where(r => !r.HostOnly && r.Options is not null).Select(r => r.Options!).ToHashSet();

        Assert.IsNotEmpty(configured);
        var unscanned = configured.Where(t => !scanned.Contains(t)).Select(t => t.FullName).ToList();
        Assert.IsEmpty(unscanned, "Options classes the Functions app configures that the settings scan does not find:\n" + string.Join('\n', unscanned));

        // And the scan reads what a reader of the code sees: a bound nested key, an indexer, a timer's %setting%, a host-only section.
        var reads = CodeSettings.Scan();
        Assert.IsTrue(reads.Any(r => !r.HostOnly && r.Key == "RectifyFlows:Notifications:Smtp:Host"));
        Assert.IsTrue(reads.Any(r => !r.HostOnly && r.Key == "RectifyFlows:Durable:TaskHubName"));
        Assert.IsTrue(reads.Any(r => !r.HostOnly && r.Key == "NotificationDispatchSchedule"));
        Assert.IsTrue(reads.Any(r => !r.HostOnly && r.Key == "RectifyFlows:Auth:Keys:*"));
        Assert.IsTrue(reads.Any(r => r.HostOnly && r.Key.StartsWith("RectifyFlows:DevServices:", StringComparison.Ordinal)));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task SmtpSecurityParameter_BecomesTheTwoTlsSettings_StartTlsByDefault()
    {
        // azd RECTIFYFLOWS_SMTP_SECURITY (starttls | tls | none) is one parameter for two settings that must not both be true.
        var settings = await TemplateAppSettings.ReadAsync(new DeployedResources(), Ct);

        Assert.AreEqual("true", settings["RectifyFlows__Notifications__Smtp__UseStartTls"]);
        Assert.AreEqual("false", settings["RectifyFlows__Notifications__Smtp__UseTls"]);
    }

    /// <summary>A section the code reads by hand (<c>X:*</c>) counts as set when the template writes keys below it.</summary>
    private static bool InTemplateBelow(string read, string templateKey) =>
        read.EndsWith(":*", StringComparison.Ordinal) && DocumentedSettings.Covers(read, templateKey);

    /// <summary>The template's app settings in colon form (<c>A__B</c> → <c>A:B</c>), as the app's configuration sees them.</summary>
    private async Task<List<string>> TemplateKeysAsync()
    {
        var settings = await TemplateAppSettings.ReadAsync(new DeployedResources(), Ct);
        return [.. settings.Keys.Select(k => k.Replace("__", ":", StringComparison.Ordinal))];
    }
}
