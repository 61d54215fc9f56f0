using System.Text;
using Cdx.Sandbox.Native;

namespace Cdx.Sandbox;

/// <summary>
/// Checks, once per process, that bwrap can actually create the namespaces the sandbox needs.
/// Run only after a sandboxed command failed, so a working machine pays nothing; when the probe
/// fails the caller gets a <see cref="SandboxException"/> instead of a confusing exit code.
/// </summary>
public static class SandboxProbe
{
    private static volatile bool _works;

    /// <summary>Throws <see cref="SandboxException"/> with bwrap's own words and the way out when the sandbox cannot start.</summary>
    public static async Task EnsureWorksAsync(CancellationToken ct)
    {
        if (_works)
        {
            return;
        }
        var bwrap = BwrapLocator.Locate();
        var probe = new SandboxLaunch
        {
            Program = bwrap,
            Argv =
            [
                bwrap, "--new-session", "--die-with-parent", "--ro-bind", "/", "/", "--dev", "/dev",
                "--unshare-user", "--disable-userns", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
                "--unshare-pid", "--unshare-net", "--proc", "/proc", "--cap-drop", "ALL",
                "--seccomp", SandboxLaunch.SeccompFd.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--", "/bin/sh", "-c", "exit 0",
            ],
            Sandboxed = true,
            Seccomp = Seccomp.SeccompProgram.Build(networkAllowed: false),
        };
        var env = new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" };
        await using var child = await ChildProcess.StartAsync(probe, env, "/", StdioMode.Pipes, false, 64 * 1024).ConfigureAwait(false);
        var code = await child.WaitForCompletionAsync(ct).ConfigureAwait(false);
        if (code == 0)
        {
            _works = true;
            return;
        }
        var said = Encoding.UTF8.GetString(child.Output.Drain().Bytes).Trim();
        throw new SandboxException(
            $"the sandbox could not start: bwrap said \"{said}\" (user namespaces or seccomp look unavailable here); " +
            $"{BwrapLocator.InstallHint}. cdx does not fall back to running unsandboxed.");
    }
}
