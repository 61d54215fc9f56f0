using System.Text;

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace Cdx.Sandbox.Tests.Escapes;

/// <summary>
/// One escape attempt's world: a fresh workspace (the command's cwd), an "outside" directory the
/// sandbox must never change, a unique marker, and helpers to run shell or Python attempts under
/// workspace-write (network off) unless told otherwise. Python attempts print ESCAPED when the
/// forbidden operation succeeded.
/// </summary>
public abstract class Hostile : IDisposable
{
    protected Hostile()
    {
        Marker = $"cdxesc{Guid.NewGuid():N}"[..22];
    }

    protected TempDirs Dirs { get; } = new();

    /// <summary>Unique per test; used in file names, process titles and payloads.</summary>
    protected string Marker { get; }

    protected const string Python = "/usr/bin/python3";

    /// <summary>Runs `sh -c SCRIPT` in the workspace.</summary>
    protected Task<ExecResult> Sh(string script, SandboxPolicy? policy = null, bool tty = false, TimeSpan? timeout = null) =>
        Run.Sh(script, Dirs.Workspace, policy ?? SandboxPolicy.WorkspaceWrite, timeout, tty);

    /// <summary>
    /// Runs a Python attempt (written to the read-only outside dir so the sandbox can read but not
    /// alter it). Prelude: ctypes libc as `libc`, `sc(nr, *args)` returning (rc, errno).
    /// </summary>
    protected Task<ExecResult> Py(string body, SandboxPolicy? policy = null, bool tty = false, TimeSpan? timeout = null)
    {
        var script = Dirs.Out($"attempt-{Guid.NewGuid():N}.py");
        File.WriteAllText(script, Prelude + body);
        return Run.Sh($"{Python} {script}", Dirs.Workspace, policy ?? SandboxPolicy.WorkspaceWrite, timeout, tty);
    }

    /// <summary>The attempt failed: non-zero exit and no success marker.</summary>
    protected static void AssertBlocked(ExecResult r)
    {
        Assert.DoesNotContain("ESCAPED", r.Output);
        Assert.True(r.ExitCode != 0, $"the attempt exited 0; output:\n{r.Output}");
        Assert.False(r.TimedOut, "the attempt hung instead of failing");
    }

    private const string Prelude = """
        import ctypes, ctypes.util, errno, os, socket, sys
        libc = ctypes.CDLL(None, use_errno=True)
        libc.syscall.restype = ctypes.c_long
        def sc(nr, *args):
            rc = libc.syscall(ctypes.c_long(nr), *[ctypes.c_long(a) for a in args])
            return rc, ctypes.get_errno()
        def escaped(what):
            print("ESCAPED", what); sys.exit(0)
        def blocked(what):
            print("blocked", what); sys.exit(3)

        """;

    public void Dispose()
    {
        Dirs.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Reads a file's text, or null when absent.</summary>
    protected static string? Read(string path) => File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : null;
}
