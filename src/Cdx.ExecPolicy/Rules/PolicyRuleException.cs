namespace Cdx.ExecPolicy.Rules;

/// <summary>A semantic error in a rule definition (bad pattern, decision, example, ...).</summary>
public sealed class PolicyRuleException(string message) : Exception(message);
