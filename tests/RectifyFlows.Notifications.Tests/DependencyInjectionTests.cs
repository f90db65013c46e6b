using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RectifyFlows.Notifications.Dispatch;
using RectifyFlows.Storage;

namespace RectifyFlows.Notifications.Tests;

[TestClass]
public sealed class DependencyInjectionTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public void AddRectifyFlowsDispatcher_BindsOptionsAndBuildsTheHostedDispatcher_WhenConfigured()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["RectifyFlows:Notifications:Smtp:Host"] = "smtp.ganxian.gov.cn",
            ["RectifyFlows:Notifications:Smtp:Port"] = "465",
            ["RectifyFlows:Notifications:Smtp:UseStartTls"] = "false",
            ["RectifyFlows:Notifications:Smtp:UseTls"] = "true",
            ["RectifyFlows:Notifications:Smtp:UserName"] = "dudao",
            ["RectifyFlows:Notifications:Smtp:Password"] = "secret",
            ["RectifyFlows:Notifications:Smtp:From"] = "dudao@ganxian.gov.cn",
            ["RectifyFlows:Notifications:MaxAttempts"] = "5",
            ["RectifyFlows:Notifications:PerMinute:email"] = "30",
            ["RectifyFlows:Notifications:Twilio:AccountSid"] = "AC1",
            ["RectifyFlows:Notifications:Twilio:AuthToken"] = "token",
            ["RectifyFlows:Notifications:Twilio:From"] = "+15005550006",
            ["RectifyFlows:Notifications:DingTalk:AccessToken"] = "token",
            ["RectifyFlows:Notifications:DingTalk:Secret"] = "SEC1",
        });

        var options = provider.GetRequiredService<IOptions<NotificationOptions>>().Value;
        var hosted = provider.GetServices<IHostedService>().ToList();

        Assert.AreEqual(465, options.Smtp.Port);
        Assert.IsTrue(options.Smtp.UseTls);
        Assert.AreEqual(5, options.MaxAttempts);
        Assert.AreEqual(30, options.PerMinute["email"]);
        Assert.IsNotNull(provider.GetRequiredService<OutboxDispatcher>());
        Assert.IsEmpty(hosted, "no polling loop of its own: each host's DispatchOutbox periodic job runs the passes");
        Assert.AreEqual(new Uri("https://api.twilio.com"), options.Twilio.BaseUrl);
        var configured = provider.GetServices<INotificationChannel>().Where(c => c.IsConfigured).Select(c => c.GetType().Name).ToList();
        CollectionAssert.AreEqual(new[] { "TwilioSmsChannel", "DingTalkRobotChannel" }, configured, "only configured channels send; the rest stay pending");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public void AddRectifyFlowsDispatcher_FailsValidation_WhenSmtpHostIsSetWithoutFrom()
    {
        using var provider = Build(new Dictionary<string, string?> { ["RectifyFlows:Notifications:Smtp:Host"] = "smtp.example.gov.cn" });

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => provider.GetRequiredService<IOptions<NotificationOptions>>().Value);

        StringAssert.Contains(error.Message, "Smtp: The From field is required.");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public void AddRectifyFlowsDispatcher_LeavesEmailOff_WhenNoSmtpHostIsSet()
    {
        // Another channel may run the dispatcher while SMTP is unconfigured: mail then waits in the outbox
        // instead of failing the start-up (issue 11: a WeCom robot alone must deliver).
        using var provider = Build(new Dictionary<string, string?> { ["RectifyFlows:Notifications:MaxAttempts"] = "5" });

        var options = provider.GetRequiredService<IOptions<NotificationOptions>>().Value;

        Assert.IsFalse(options.Smtp.IsConfigured);
        CollectionAssert.DoesNotContain(options.ConfiguredChannels().ToList(), "email");
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["RectifyFlows:Storage:ConnectionString"] = "UseDevelopmentStorage=true";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.SectionName));
        services.AddRectifyFlowsStorageServices();
        services.AddRectifyFlowsNotifications();
        services.AddRectifyFlowsDispatcher();
        return services.BuildServiceProvider();
    }
}
