namespace Cdx.Cli.Commands;

/// <summary>What the user asked `cdx exec` (or `exec resume`) to do, after parsing.</summary>
public sealed record ExecArgs
{
    /// <summary>The prompt argument (`-` or null: read stdin).</summary>
    public string? Prompt { get; init; }

    /// <summary>Image files for the first message.</summary>
    public IReadOnlyList<string> Images { get; init; } = [];

    /// <summary>Whether this is `exec resume`.</summary>
    public bool Resume { get; init; }

    /// <summary>`exec resume ID`.</summary>
    public string? ResumeId { get; init; }

    /// <summary>`exec resume --last`.</summary>
    public bool ResumeLast { get; init; }

    /// <summary>`exec resume --all`: `--last` ignores the cwd.</summary>
    public bool ResumeAll { get; init; }

    /// <summary>`--json`.</summary>
    public bool Json { get; init; }

    /// <summary>`-o FILE`.</summary>
    public string? OutputLastMessage { get; init; }

    /// <summary>`--output-schema FILE`.</summary>
    public string? OutputSchema { get; init; }

    /// <summary>`--skip-git-repo-check`.</summary>
    public bool SkipGitRepoCheck { get; init; }

    /// <summary>`--ephemeral`.</summary>
    public bool Ephemeral { get; init; }

    /// <summary>`--ignore-user-config`.</summary>
    public bool IgnoreUserConfig { get; init; }

    /// <summary>`--ignore-rules`.</summary>
    public bool IgnoreRules { get; init; }

    /// <summary>`--strict-config`.</summary>
    public bool StrictConfig { get; init; }

    /// <summary>`--color`.</summary>
    public string Color { get; init; } = "auto";

    /// <summary>`--add-dir` directories.</summary>
    public IReadOnlyList<string> AddDirs { get; init; } = [];
}
