namespace Cdx.Config.Model;

/// <summary>`[agents]`: sub-agent limits and roles.</summary>
public sealed record AgentsConfig
{
    /// <summary>Max concurrently open sub-agent threads (default 6).</summary>
    public int MaxThreads { get; init; } = 6;
    /// <summary>Max nesting depth; root is 0 (default 1).</summary>
    public int MaxDepth { get; init; } = 1;
    /// <summary>Default per-worker timeout for CSV jobs.</summary>
    public long? JobMaxRuntimeSeconds { get; init; }
    /// <summary>Record a model-visible message on interrupt (default true).</summary>
    public bool InterruptMessage { get; init; } = true;
    /// <summary>Multi-agent tools on/off (default true).</summary>
    public bool Enabled { get; init; } = true;
    /// <summary>Model for children when the spawn call names none.</summary>
    public string? DefaultSubagentModel { get; init; }
    /// <summary>Reasoning effort for children when the spawn call names none.</summary>
    public string? DefaultSubagentReasoningEffort { get; init; }
    /// <summary>User-defined roles by name.</summary>
    public IReadOnlyDictionary<string, AgentRole> Roles { get; init; } = new Dictionary<string, AgentRole>();
}
