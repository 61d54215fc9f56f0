using Cdx.Governance.Scim;

namespace Cdx.Governance.Tests;

public sealed class ScimFilterTests
{
    private static readonly string[] Attributes = ["userName", "externalId"];

    [Theory]
    [InlineData("userName eq \"alice@corp.example\"", "userName", "alice@corp.example")]
    [InlineData("USERNAME EQ \"a\\\"b\"", "userName", "a\"b")]
    [InlineData("  externalId   eq   \"00u1\"  ", "externalId", "00u1")]
    public void Eq_filters_parse_with_any_case_spacing_and_json_escapes(string text, string attribute, string value) =>
        Assert.Equal(new ScimFilter(attribute, value), ScimFilter.Parse(text, Attributes));

    [Theory]
    [InlineData("userName co \"alice\"", "`co` is not supported")]
    [InlineData("emails.value eq \"a@b\"", "`emails.value` is not supported")]
    [InlineData("userName eq \"a\" and active eq true", "no `and`/`or`")]
    [InlineData("userName eq alice", "double-quoted")]
    [InlineData("userName eq \"alice", "not closed")]
    [InlineData("eq \"x\"", "`eq` is not supported")]
    public void Anything_but_a_single_eq_on_a_known_attribute_is_refused(string text, string reason) =>
        Assert.Contains(reason, Assert.Throws<ScimFilterException>(() => ScimFilter.Parse(text, Attributes)).Message);
}
