namespace RectifyFlows.Domain.Actions;

/// <summary>Chinese names of action kinds for notifications and reports.</summary>
public static class ActionNames
{
    public static string Chinese(ActionKind kind) => kind switch
    {
        ActionKind.CallIn => "约谈",
        ActionKind.AdmonitionTalk => "诫勉谈话",
        ActionKind.WrittenSelfCriticism => "作深刻检查",
        ActionKind.PublicCriticism => "通报批评",
        ActionKind.AwardDisqualification => "取消评优资格",
        ActionKind.Recall => "召回",
        ActionKind.DowngradedManagement => "按副科级 / 同级非领导管理",
        ActionKind.Demotion => "降职",
        ActionKind.CaseFiled => "立案调查",
        ActionKind.JudicialReferral => "移送司法",
        ActionKind.SupervisionOrder => "督办",
        _ => kind.ToString(),
    };
}
