namespace Cdx.Sandbox;

/// <summary>How a child's standard streams are connected.</summary>
public enum StdioMode
{
    /// <summary>stdout and stderr share one pipe (interleaved as produced); stdin is /dev/null or a pipe.</summary>
    Pipes,

    /// <summary>A fresh pseudo-terminal on stdin, stdout and stderr.</summary>
    Pty,

    /// <summary>The caller's own stdin, stdout and stderr (the `cdx sandbox` command).</summary>
    Inherit,
}
