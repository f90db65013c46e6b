using RectifyFlows.Domain.Plans;

namespace RectifyFlows.Domain.Tests;

[TestClass]
public sealed class IdentifiersTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    [DataRow("p1-m1", true)]
    [DataRow("ganxian-2017-xunshi6", true)]
    [DataRow("demo\n", false)]
    [DataRow("A", false)]
    [DataRow("-x", false)]
    [DataRow("a|b", false)]
    [DataRow("a/b", false)]
    [DataRow("石芫乡", false)]
    [DataRow("", false)]
    public void IsValid_AcceptsOnlyLowercaseAsciiKeys(string id, bool valid)
    {
        Assert.AreEqual(valid, Identifiers.IsValid(id));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void IsValid_RefusesIdsLongerThan64Characters()
    {
        Assert.IsTrue(Identifiers.IsValid(new string('a', 64)));
        Assert.IsFalse(Identifiers.IsValid(new string('a', 65)));
    }
}
