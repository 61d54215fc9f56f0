using Cdx.Sandbox.Seccomp;

namespace Cdx.Sandbox;

/// <summary>
/// Builds the bubblewrap command line for a policy, in the spec's order: session and parent-death
/// flags, read-only root, fresh /dev, writable roots, protected subpaths (after the binds so they
/// win), namespaces, fresh /proc, dropped capabilities, the seccomp filter, then the command.
/// </summary>
public static class BwrapArguments
{
    /// <summary>
    /// Host-wide kernel settings under /proc that stay read-only inside the sandbox (sysctls,
    /// magic SysRq, IRQ routing, PSI triggers, MTRRs, driver knobs).
    /// </summary>
    internal static readonly string[] ProcKernelInterfaces =
        ["/proc/sys", "/proc/sysrq-trigger", "/proc/irq", "/proc/bus", "/proc/pressure", "/proc/mtrr", "/proc/acpi", "/proc/fs", "/proc/driver", "/proc/scsi"];

    /// <summary>Plans how <paramref name="command"/> runs under <paramref name="policy"/> in <paramref name="cwd"/>.</summary>
    public static SandboxLaunch Plan(SandboxPolicy policy, IReadOnlyList<string> command, string cwd, string? tmpdir, string? pathForLookup)
    {
        if (command.Count == 0)
        {
            throw new SandboxException("no command was given to run in the sandbox; pass it after `--`.");
        }
        if (policy.Mode == SandboxMode.DangerFullAccess)
        {
            var program = ExecutableSearch.Find(command[0], pathForLookup, cwd)
                ?? throw new SandboxException($"{command[0]}: command not found on PATH; check the name or give a full path.");
            return new SandboxLaunch { Program = program, Argv = command, Sandboxed = false };
        }

        var roots = WritableRoots.Compute(policy, cwd, tmpdir);
        var protectedPaths = ProtectedPaths.Compute(roots, policy.ProtectedNames);
        var bwrap = BwrapLocator.Locate();
        var args = new List<string> { bwrap, "--new-session", "--die-with-parent", "--ro-bind", "/", "/", "--dev", "/dev" };
        // Parents before children, so a nested root's bind is not hidden by its parent's.
        foreach (var root in roots.OrderBy(r => r.Length))
        {
            args.AddRange(["--bind", root, root]);
        }
        foreach (var p in protectedPaths)
        {
            if (p.Kind == ProtectionKind.ReadOnlyBind)
            {
                args.AddRange(["--ro-bind", p.Path, p.Path]);
            }
            else
            {
                args.AddRange(["--perms", "0555", "--tmpfs", p.Path, "--remount-ro", p.Path]);
            }
        }
        args.AddRange(
        [
            "--unshare-user", "--disable-userns", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try", "--unshare-pid",
        ]);
        if (!policy.HasNetwork)
        {
            args.Add("--unshare-net");
        }
        args.AddRange(["--proc", "/proc"]);
        // bwrap leaves /proc/sys writable when its directory looks read-only, but as host root
        // (uid 0 mapped to itself) sysctl files still accept writes by owner: cover them.
        foreach (var kernelKnob in ProcKernelInterfaces)
        {
            args.AddRange(["--ro-bind-try", kernelKnob, kernelKnob]);
        }
        args.AddRange(["--cap-drop", "ALL"]);
        args.AddRange(["--seccomp", SandboxLaunch.SeccompFd.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        args.AddRange(["--chdir", cwd, "--"]);
        args.AddRange(command);
        return new SandboxLaunch
        {
            Program = bwrap,
            Argv = args,
            Sandboxed = true,
            Seccomp = SeccompProgram.Build(policy.HasNetwork),
            WritableRoots = roots,
            ProtectedPaths = protectedPaths,
        };
    }
}
