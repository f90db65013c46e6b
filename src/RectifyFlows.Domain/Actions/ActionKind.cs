namespace RectifyFlows.Domain.Actions;

/// <summary>Kinds of accountability action (处理 / 问责), from the glossary.</summary>
public enum ActionKind
{
    /// <summary>约谈.</summary>
    CallIn,

    /// <summary>诫勉谈话.</summary>
    AdmonitionTalk,

    /// <summary>深刻检查.</summary>
    WrittenSelfCriticism,

    /// <summary>通报批评.</summary>
    PublicCriticism,

    /// <summary>取消评优.</summary>
    AwardDisqualification,

    /// <summary>召回.</summary>
    Recall,

    /// <summary>按副科级管理 / 按同级非领导管理.</summary>
    DowngradedManagement,

    /// <summary>降职.</summary>
    Demotion,

    /// <summary>立案.</summary>
    CaseFiled,

    /// <summary>移送司法.</summary>
    JudicialReferral,

    /// <summary>督办: a supervision order opened by the deadline ladder's last level.</summary>
    SupervisionOrder,
}
