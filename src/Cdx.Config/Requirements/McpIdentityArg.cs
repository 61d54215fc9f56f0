namespace Cdx.Config.Requirements;

/// <summary>One argument rule of a structured MCP identity: `match` is exact, prefix or regex.</summary>
public sealed record McpIdentityArg(string Match, string Value);
