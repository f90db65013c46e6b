using Microsoft.Playwright;

namespace RectifyFlows.Browser.Tests;

/// <summary>
/// One host (Fast environment, seeded with the Ganxian plan and its synthetic projects) and one Chromium for the
/// whole assembly: starting either takes seconds, and the tests only read or add their own data.
/// </summary>
[TestClass]
public static class DashboardHost
{
    public const string OperatorKey = "dev-operator-key";
    public const string SeedPlanId = "ganxian-2017-xunshi6";

    /// <summary>Debian's Chromium; RECTIFYFLOWS_CHROMIUM points elsewhere. Playwright never downloads a browser here.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("RECTIFYFLOWS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static LedgerFixture _ledger = null!;
    private static IPlaywright _playwright = null!;

    public static HostProcess Host { get; private set; } = null!;

    public static IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDirectory => Path.Combine(RepositoryFiles.Root, "docs", "screenshots");

    [AssemblyInitialize]
    public static async Task StartAsync(TestContext context)
    {
        // A missing browser is a broken machine, not a reason to skip: say what to install and fail every test.
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. Install it with `apt-get install -y chromium` (.ci/run does), " +
                "or set RECTIFYFLOWS_CHROMIUM to a Chromium executable. The browser tests do not download one");
        }

        var prefix = LedgerFixture.NewPrefix();
        _ledger = await LedgerFixture.CreateAsync(prefix: prefix);
        Host = await HostProcess.StartAsync(prefix, environment: "Fast");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The flags this machine needs (docs of the build machines): no sandbox as root, and no background
            // networking, whose connections the closed network refuses.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    [AssemblyCleanup]
    public static async Task StopAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (_ledger is not null)
        {
            await _ledger.DisposeAsync();
        }

        await TestStorage.StopAsync();
    }

    /// <summary>A fresh browser context (its own sessionStorage: not logged in) with a desktop viewport.</summary>
    public static async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        return await context.NewPageAsync();
    }

    /// <summary>Opens the dashboard and logs in through its form, as an operator would.</summary>
    public static async Task<IPage> LoginAsync(string key = OperatorKey)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/dashboard/");
        await page.Locator("#api-key").FillAsync(key);
        await page.Locator("#login-form button[type=submit]").ClickAsync();
        await page.Locator("#view[data-ready=ledger]").WaitForAsync();
        return page;
    }

    /// <summary>Saves docs/screenshots/{name}.png, the whole page unless it would be a scroll of thousands of pixels.</summary>
    public static Task ScreenshotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = fullPage });

    public static async Task<JsonNode> GetJsonAsync(string path, string? key = OperatorKey)
    {
        using var client = Host.Client(key);
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
