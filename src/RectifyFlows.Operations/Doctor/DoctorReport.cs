namespace RectifyFlows.Operations.Doctor;

/// <summary>What one doctor pass looked at and found.</summary>
public sealed record DoctorReport(int LaddersChecked, int CyclesChecked, IReadOnlyList<DoctorFinding> Findings)
{
    public int Repaired => Findings.Count(f => f.Repaired);
}
