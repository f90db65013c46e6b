namespace RectifyFlows.Domain.Periods;

/// <summary>The recurring cycles of the rectification machinery.</summary>
public enum CycleKind
{
    /// <summary>一督查、一通报、一处理: the monthly inspect → bulletin → handle cycle.</summary>
    Monthly,

    /// <summary>每周一调度: the weekly project dispatch.</summary>
    Weekly,

    /// <summary>每季评价: the quarterly township evaluation.</summary>
    Quarterly,

    /// <summary>旬报: the ten-day report.</summary>
    TenDay,
}
