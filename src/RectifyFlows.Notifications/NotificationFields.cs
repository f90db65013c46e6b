namespace RectifyFlows.Notifications;

/// <summary>The facts a notification template fills in; each is optional and only the set ones are shown.</summary>
public sealed record NotificationFields
{
    /// <summary>The measure or action, e.g. <c>措施p1-m1：建立贫困户动态管理台账</c>.</summary>
    public string? Measure { get; init; }

    /// <summary>The responsible unit's name.</summary>
    public string? Unit { get; init; }

    /// <summary>The leading official (牵头区领导).</summary>
    public string? Official { get; init; }

    public DateOnly? DueDate { get; init; }
    public int? DaysOverdue { get; init; }

    /// <summary>Reminders: days until the due date.</summary>
    public int? DaysLeft { get; init; }

    /// <summary>Where to act, from <see cref="Templates.MessageLinks"/>: <c>https://…/api/measures/p1-m1</c>, or the route alone when no public address is set.</summary>
    public string? Link { get; init; }
}
