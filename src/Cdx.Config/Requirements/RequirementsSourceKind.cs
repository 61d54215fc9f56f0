namespace Cdx.Config.Requirements;

/// <summary>Where a requirement came from; the order here is the merge order (first wins).</summary>
public enum RequirementsSourceKind
{
    /// <summary>Cloud-managed requirements (governance server / ChatGPT workspace policy).</summary>
    Cloud,
    /// <summary>macOS MDM `requirements_toml_base64` (never present on Linux; kept so messages match).</summary>
    Mdm,
    /// <summary>MDM `config_toml_base64` reinterpreted as requirements (never present on Linux).</summary>
    LegacyManagedConfigMdm,
    /// <summary>`managed_config.toml` reinterpreted as requirements (beats the system file, as Codex 0.169 does).</summary>
    LegacyManagedConfigFile,
    /// <summary>The system `requirements.toml`.</summary>
    SystemFile,
}
