using System.Globalization;
using System.Net;
using System.Text;
using RectifyFlows.Domain.Units;

namespace RectifyFlows.Notifications.Templates;

/// <summary>
/// Every Chinese text the system sends, in one place: one method per event, each rendered for mail (text and HTML),
/// SMS and robots from the same lead sentence and fields.
/// </summary>
public static class NotificationTemplates
{
    public const string Reminder = "reminder";
    public const string Escalation1 = "escalation1";
    public const string Escalation2 = "escalation2";
    public const string Escalation3 = "escalation3";
    public const string Bulletin = "bulletin";
    public const string CallIn = "callIn";
    public const string Strike = "strike";
    public const string ReportReady = "reportReady";
    public const string DeadLetter = "deadLetter";
    public const string InspectionRequest = "inspectionRequest";
    public const string Reverification = "reverification";
    public const string LeadAssigned = "leadAssigned";
    public const string LeadOverdue = "leadOverdue";

    /// <summary>整改提醒: before the due date. Digestible: one mail a day lists them all.</summary>
    public static NotificationContent ReminderOf(NotificationFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return Render(Reminder, $"【整改提醒】{Short(fields.Measure)}",
            $"整改事项「{fields.Measure}」将于{Date(fields.DueDate)}到期（还有{fields.DaysLeft}天），请按时完成并报送整改成效。",
            fields) with { Digestible = true };
    }

    /// <summary>到期督办·一级 / 逾期督办·二级 / 逾期问责·三级.</summary>
    public static NotificationContent EscalationOf(int level, NotificationFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var due = Date(fields.DueDate);
        return level switch
        {
            1 => Render(Escalation1, $"【到期督办·一级】{Short(fields.Measure)}",
                $"整改事项「{fields.Measure}」今日（{due}）到期，请牵头单位主要负责人督促完成，并及时报送整改成效。", fields),
            2 => Render(Escalation2, $"【逾期督办·二级】{Short(fields.Measure)}",
                $"整改事项「{fields.Measure}」已于{due}到期，逾期{fields.DaysOverdue}天仍未报送整改成效，将在下期通报中点名。请牵头区领导督促落实。", fields),
            3 => Render(Escalation3, $"【逾期问责·三级】{Short(fields.Measure)}",
                $"整改事项「{fields.Measure}」已于{due}到期，逾期{fields.DaysOverdue}天仍未完成，已启动问责程序并下达督办单。", fields),
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Escalation levels are 1 to 3."),
        };
    }

    /// <summary>The level-2 copy to the leading official: the same fields, addressed to the official's role.</summary>
    public static NotificationContent EscalationToOfficial(string role, NotificationFields fields)
    {
        var content = EscalationOf(2, fields);
        var lead = $"{role}：您牵头的整改事项「{fields.Measure}」已于{Date(fields.DueDate)}到期，逾期{fields.DaysOverdue}天仍未报送整改成效，将在下期通报中点名。请牵头区领导督促落实。";
        return Render(content.Kind, content.Subject, lead, fields);
    }

    /// <summary>月度通报.</summary>
    public static NotificationContent MonthlyBulletin(string title, int findings, int attendanceBreaches, int minimumDaysOnSite, int overdueMeasures, string link) =>
        Render(Bulletin, $"【通报】{title}",
            string.Create(CultureInfo.InvariantCulture, $"{title}已印发：督查发现问题{findings}个，驻村干部考勤不足{minimumDaysOnSite}天{attendanceBreaches}人，") +
            string.Create(CultureInfo.InvariantCulture, $"逾期未完成整改措施{overdueMeasures}项。被通报单位请于收到后立即整改，详见 {link}。"),
            new NotificationFields { Link = link });

    /// <summary>每周调度通报.</summary>
    public static NotificationContent WeeklyBulletin(string title, IEnumerable<string> bottomTownships, string link) =>
        Render(Bulletin, $"【调度通报】{title}",
            $"{title}：本周排名后三名为{string.Join("、", bottomTownships)}，其主要领导将被约谈。详见 {link}",
            new NotificationFields { Link = link });

    /// <summary>约谈通知 to a township at the bottom of the weekly ranking.</summary>
    public static NotificationContent CallInOf(string township, string reason, DateOnly dueDate, string link) =>
        Render(CallIn, $"【约谈通知】{township}项目推进排名靠后",
            $"{township}：{reason}。请乡镇主要领导于{Date(dueDate)}前到区扶贫开发领导小组接受约谈，并提交整改提速方案。详见 {link}",
            new NotificationFields { Unit = township, DueDate = dueDate, Link = link });

    /// <summary>季度评价 strike and its sanction.</summary>
    public static NotificationContent StrikeOf(string township, string reason, string sanction) =>
        Render(Strike, $"【季度评价】{township}：{sanction}",
            $"{township}：{reason}，按规定乡镇主要领导和分管领导{sanction}。",
            new NotificationFields { Unit = township });

    /// <summary>月报已归档.</summary>
    public static NotificationContent ReportReadyOf(string title, int actionsOpened, string link) =>
        Render(ReportReady, $"【月报】{title}已归档",
            string.Create(CultureInfo.InvariantCulture, $"{title}已归档，共启动问责{actionsOpened}项。查看：{link}"),
            new NotificationFields { Link = link });

    /// <summary>线索交办: a lead (问题线索) is handed to a unit with a deadline.</summary>
    public static NotificationContent LeadAssignedOf(string leadId, string subject, string source, DateOnly deadline) =>
        Render(LeadAssigned, $"【线索交办】{subject}",
            $"问题线索“{subject}”（编号{leadId}，来源：{source}）已交你单位办理，请于{Date(deadline)}前办结，并报送处置结果（立案、了结或移送）。",
            new NotificationFields { Measure = $"线索{leadId}：{subject}", DueDate = deadline });

    /// <summary>线索逾期: past its deadline without a disposition (to the owner, or the office while nobody owns it).</summary>
    public static NotificationContent LeadOverdueOf(string leadId, string subject, DateOnly deadline, int daysOverdue, bool assigned) =>
        Render(LeadOverdue, $"【线索逾期】{subject}",
            assigned
                ? $"问题线索“{subject}”（编号{leadId}）已超过办理时限{Date(deadline)}{daysOverdue}天，仍无处置结果，请立即办理并报送（立案、了结或移送）。逾期线索未处置前，月报不能签发。"
                : $"问题线索“{subject}”（编号{leadId}）已超过办理时限{Date(deadline)}{daysOverdue}天，仍未交办，请尽快指定承办单位。",
            new NotificationFields { Measure = $"线索{leadId}：{subject}", DueDate = deadline, DaysOverdue = daysOverdue });

    /// <summary>督查通知: a supervision team is asked to inspect this month.</summary>
    public static NotificationContent InspectionRequestOf(string team, string month, string deadline) =>
        Render(InspectionRequest, $"【督查通知】{month} 月度督查",
            $"{team}：请于{deadline}前完成{month}月度督查，并通过系统报送督查结果（发现的问题、驻村干部考勤等）。", null);

    /// <summary>长期整改复核.</summary>
    public static NotificationContent ReverificationOf(string measureId, string text, DateOnly reviewDate, string link) =>
        Render(Reverification, $"【长期整改复核】{measureId}",
            string.Create(CultureInfo.InvariantCulture,
                $"长期整改措施{measureId}「{text}」复核时间已到（{reviewDate:yyyy-MM-dd}），请报送本期整改成效，经审核后确定下次复核时间。报送入口：{link}"),
            new NotificationFields { Link = link });

    /// <summary>通知投递失败: the office hears that a message could not be delivered.</summary>
    public static NotificationContent DeadLetterOf(string originalSubject, string recipient, string channel, int attempts, string reason, string? address, string? fallbackChannel)
    {
        var next = fallbackChannel is null ? "请核实联系方式后另行通知。" : $"已改用{ChannelName(fallbackChannel)}通知；请核实联系方式。";
        return Render(DeadLetter, $"【通知投递失败】{originalSubject}",
            string.Create(CultureInfo.InvariantCulture,
                $"发送给{recipient}的通知「{originalSubject}」未能送达，已停止发送（尝试{attempts}次）。\n原因：{reason}\n渠道：{ChannelName(channel)}\n收件地址：{address ?? "（无）"}\n{next}"),
            null);
    }

    /// <summary>One mail for all of a recipient's reminders of a day (the daily digest).</summary>
    public static NotificationContent DigestOf(DateOnly day, IReadOnlyList<OutboxMessage> reminders)
    {
        ArgumentNullException.ThrowIfNull(reminders);
        var subject = string.Create(CultureInfo.InvariantCulture, $"【整改提醒】{Date(day)}共{reminders.Count}项整改措施即将到期");
        var lead = string.Create(CultureInfo.InvariantCulture, $"以下{reminders.Count}项整改事项即将到期，请按时完成并报送整改成效：");
        var text = new StringBuilder(lead).Append('\n');
        var html = new StringBuilder("<p>").Append(WebUtility.HtmlEncode(lead)).Append("</p><ol>");
        var markdown = new StringBuilder("**").Append(subject).Append("**\n\n").Append(lead).Append('\n');
        foreach (var reminder in reminders)
        {
            var f = reminder.Fields;
            var line = f is null
                ? reminder.Subject
                : string.Create(CultureInfo.InvariantCulture, $"{f.Measure}（整改时限：{Date(f.DueDate)}，还有{f.DaysLeft}天）") + (f.Link is null ? string.Empty : " " + f.Link);
            text.Append("\n· ").Append(line);
            html.Append("<li>").Append(WebUtility.HtmlEncode(line)).Append("</li>");
            markdown.Append("\n- ").Append(line);
        }

        html.Append("</ol>");
        return Content(Reminder, subject, lead, text, html, markdown, fields: null);
    }

    /// <summary>The Chinese name of a channel.</summary>
    public static string ChannelName(string channel) => channel switch
    {
        ContactChannels.Email => "邮件",
        ContactChannels.Sms => "短信",
        ContactChannels.WeCom => "企业微信",
        ContactChannels.DingTalk => "钉钉",
        _ => channel,
    };

    /// <summary>2017年3月31日.</summary>
    public static string Date(DateOnly? date) => date?.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) ?? "—";

    private static NotificationContent Render(string kind, string subject, string lead, NotificationFields? fields)
    {
        var rows = Rows(fields);
        var text = new StringBuilder(lead);
        var html = new StringBuilder();
        foreach (var paragraph in lead.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
        }

        var markdown = new StringBuilder("**").Append(subject).Append("**\n\n").Append(lead);
        if (rows.Count > 0)
        {
            text.Append('\n');
            html.Append("<table style=\"border-collapse:collapse\">");
            markdown.Append('\n');
            foreach (var (label, value) in rows)
            {
                text.Append('\n').Append(label).Append('：').Append(value);
                var shown = label == "办理链接"
                    ? $"<a href=\"{WebUtility.HtmlEncode(value)}\">{WebUtility.HtmlEncode(value)}</a>"
                    : WebUtility.HtmlEncode(value);
                html.Append("<tr><th style=\"text-align:left;padding-right:1em\">").Append(label).Append("</th><td>").Append(shown).Append("</td></tr>");
                markdown.Append("\n- ").Append(label).Append('：').Append(value);
            }

            html.Append("</table>");
        }

        return Content(kind, subject, lead, text, html, markdown, fields);
    }

    /// <summary>The rendered bodies as one content; SMS carries only the lead sentence.</summary>
    private static NotificationContent Content(
        string kind, string subject, string lead, StringBuilder text, StringBuilder html, StringBuilder markdown, NotificationFields? fields) => new()
    {
        Kind = kind,
        Subject = subject,
        Text = text.ToString(),
        Html = html.ToString(),
        Sms = lead,
        Markdown = markdown.ToString(),
        Fields = fields,
    };

    private static List<(string Label, string Value)> Rows(NotificationFields? fields)
    {
        var rows = new List<(string, string)>();
        if (fields is null)
        {
            return rows;
        }

        // Bulletins, call-ins, report notices and reverification requests carry only a link, which their sentence
        // shows (so the SMS has it too); a table of one row would add nothing.
        if (fields.Measure is null)
        {
            return rows;
        }

        rows.Add(("整改措施", fields.Measure));
        if (fields.Unit is not null)
        {
            rows.Add(("责任单位", fields.Unit));
        }

        if (fields.Official is not null)
        {
            rows.Add(("牵头区领导", fields.Official));
        }

        if (fields.DueDate is not null)
        {
            rows.Add(("整改时限", Date(fields.DueDate)));
        }

        if (fields.DaysOverdue is { } overdue)
        {
            rows.Add(("逾期天数", string.Create(CultureInfo.InvariantCulture, $"{overdue}天")));
        }

        if (fields.Link is not null)
        {
            rows.Add(("办理链接", fields.Link));
        }

        return rows;
    }

    private static string Short(string? text) => text is null ? string.Empty : text.Length <= 30 ? text : text[..30] + "…";
}
