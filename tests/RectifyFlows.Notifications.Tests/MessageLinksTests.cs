using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RectifyFlows.Notifications.Templates;

namespace RectifyFlows.Notifications.Tests;

/// <summary>
/// The links messages carry: whole addresses under <c>RectifyFlows:Links:PublicBaseUrl</c> when it is set, the bare
/// routes of before when it is not, and a relative or non-web address refused at start.
/// </summary>
[TestClass]
public sealed class MessageLinksTests
{
    private static readonly DateOnly DueDate = new(2017, 6, 30);

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void MessageLink_IsAbsolute_WhenAPublicAddressIsConfigured()
    {
        using var provider = Build("https://rectify.example.gov.cn/ganxian/");
        var links = provider.GetRequiredService<MessageLinks>();

        var message = NotificationTemplates.EscalationOf(1, new NotificationFields { Measure = "建立长效机制", DueDate = DueDate, DaysOverdue = 1, Link = links.Measure("p5-m2") });

        const string Link = "https://rectify.example.gov.cn/ganxian/api/measures/p5-m2";
        Assert.AreEqual(Link, message.Fields?.Link);
        StringAssert.Contains(message.Text, Link);
        StringAssert.Contains(message.Html, Link);
        Assert.AreEqual("https://rectify.example.gov.cn/ganxian/api/actions?unitId=tw-shiyuan", links.UnitActions("tw-shiyuan"));
        Assert.AreEqual("https://rectify.example.gov.cn/ganxian/api/reports/monthly/2017-03?office=ganxian", links.Report("monthly", "2017-03", "ganxian"));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void EveryMessageWithALink_ShowsItInItsText_AndItsHtml_AndTheSentenceOnlyOnesInTheSms()
    {
        const string Link = "https://rectify.example.gov.cn/ganxian/api/actions?unitId=tw-shiyuan";
        var sentenceOnly = new Dictionary<string, NotificationContent>
        {
            ["monthly bulletin"] = NotificationTemplates.MonthlyBulletin("2017年3月督查通报", 2, 1, 20, 3, Link),
            ["weekly bulletin"] = NotificationTemplates.WeeklyBulletin("2017年第14周项目调度", ["石院镇", "梅林镇", "王母渡镇"], Link),
            ["call-in"] = NotificationTemplates.CallInOf("石院镇", "项目推进排名后三位", DueDate, Link),
            ["report ready"] = NotificationTemplates.ReportReadyOf("2017年3月月报", 4, Link),
            ["reverification"] = NotificationTemplates.ReverificationOf("p5-m2", "建立长效机制", DueDate, Link),
        };
        var withTable = NotificationTemplates.EscalationOf(1, new NotificationFields { Measure = "建立长效机制", DueDate = DueDate, DaysOverdue = 1, Link = Link });

        foreach (var (name, message) in sentenceOnly.Append(new("escalation", withTable)))
        {
            StringAssert.Contains(message.Text, Link, name);
            StringAssert.Contains(message.Html, System.Net.WebUtility.HtmlEncode(Link), name);
        }

        // An SMS is the lead sentence alone: the messages whose only field is the link say it there.
        foreach (var (name, message) in sentenceOnly)
        {
            StringAssert.Contains(message.Sms, Link, name);
        }
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void MessageLink_IsTheRouteAlone_WhenNoPublicAddressIsConfigured()
    {
        using var provider = Build(null);
        var links = provider.GetRequiredService<MessageLinks>();

        Assert.AreEqual("/api/measures/p5-m2", links.Measure("p5-m2"));
        Assert.AreEqual("/api/actions?unitId=tw-shiyuan", links.UnitActions("tw-shiyuan"));
        Assert.AreEqual("/api/reports/weekly/2017-W14?office=ganxian", links.Report("weekly", "2017-W14", "ganxian"));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void MessageLinkOptions_FailValidation_WhenThePublicAddressIsNotAnAbsoluteWebAddress()
    {
        foreach (var address in new[] { "rectify.example.gov.cn/ganxian", "ftp://rectify.example.gov.cn/" })
        {
            using var provider = Build(address);

            var error = Assert.ThrowsExactly<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MessageLinkOptions>>().Value, address);

            StringAssert.Contains(error.Message, "absolute http(s) address");
        }
    }

    private static ServiceProvider Build(string? publicBaseUrl)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["RectifyFlows:Links:PublicBaseUrl"] = publicBaseUrl })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddRectifyFlowsNotifications();
        return services.BuildServiceProvider();
    }
}
