using Cdx.Governance.Policies;

namespace Cdx.Governance.Tests;

public sealed class PolicyResolverTests
{
    private static readonly AssignmentRule[] Rules =
    [
        new(0, "contractors", "read-only"),
        new(1, "engineers", "write"),
        new(2, "contractors", "other"),
    ];

    [Fact]
    public void First_matching_rule_wins_and_later_matches_are_reported_not_applied()
    {
        var r = PolicyResolver.Resolve(Rules, "default", new HashSet<string> { "engineers", "contractors" });
        Assert.Equal("read-only", r.PolicyId);
        Assert.Equal(0, r.RuleIndex);
        Assert.Equal("contractors", r.MatchedGroupId);
        Assert.Equal([1, 2], r.LaterMatches.Select(m => m.Index));
    }

    [Fact]
    public void User_in_no_assigned_group_gets_the_default()
    {
        var r = PolicyResolver.Resolve(Rules, "default", new HashSet<string> { "sales" });
        Assert.Equal(("default", "default", (int?)null), (r.PolicyId, r.Source, r.RuleIndex));
        Assert.Empty(r.LaterMatches);
    }

    [Fact]
    public void Without_a_default_an_unmatched_user_gets_no_policy()
    {
        var r = PolicyResolver.Resolve(Rules, null, new HashSet<string>());
        Assert.Null(r.PolicyId);
        Assert.Equal("none", r.Source);
    }

    [Fact]
    public void Rule_order_not_insertion_order_decides()
    {
        AssignmentRule[] shuffled = [Rules[1], Rules[2], Rules[0]];
        Assert.Equal("read-only", PolicyResolver.Resolve(shuffled, null, new HashSet<string> { "engineers", "contractors" }).PolicyId);
    }
}
