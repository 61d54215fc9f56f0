using System.Buffers.Binary;

namespace Cdx.Sandbox.Seccomp;

/// <summary>
/// Builds the classic BPF seccomp program bwrap loads with `--seccomp FD`. Default allow; the
/// hardening list returns EPERM in every sandboxed mode; with the network off, sockets other than
/// AF_UNIX stream/seqpacket and every call that could reach a peer (connect, bind, sendto with an
/// address, ...) return EPERM. Both x86_64 and the i386 compat ABI are covered (a 64-bit process
/// can enter the kernel through `int 0x80`); the x32 ABI and any other architecture are refused.
/// </summary>
public static class SeccompProgram
{
    private const uint AfUnix = 1;
    private const uint SockStream = 1;
    private const uint SockSeqpacket = 5;
    private const uint SockTypeMask = 0xf;
    // CLONE_NEWNS|NEWCGROUP|NEWUTS|NEWIPC|NEWUSER|NEWPID|NEWNET|NEWTIME
    private const uint CloneNamespaceFlags = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000 | 0x00000080;
    private const uint Tiocsti = 0x5412;
    private const uint Tioclinux = 0x541C;

    /// <summary>The program as the bytes of a struct sock_filter array.</summary>
    public static byte[] Build(bool networkAllowed)
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture
            != System.Runtime.InteropServices.Architecture.X64)
        {
            throw new SandboxException(
                "the cdx sandbox's seccomp filter supports x86_64 Linux only; on this machine run with -s danger-full-access inside an outer sandbox (VM or container).");
        }
        var program = Assemble(networkAllowed);
        var bytes = new byte[program.Count * 8];
        for (var i = 0; i < program.Count; i++)
        {
            var span = bytes.AsSpan(i * 8, 8);
            BinaryPrimitives.WriteUInt16LittleEndian(span, program[i].Code);
            span[2] = program[i].Jt;
            span[3] = program[i].Jf;
            BinaryPrimitives.WriteUInt32LittleEndian(span[4..], program[i].K);
        }
        return bytes;
    }

    /// <summary>The instruction list (exposed to tests).</summary>
    internal static List<BpfInstruction> Assemble(bool networkAllowed)
    {
        var x64 = Section(SyscallTable.X86_64, networkAllowed);
        var i386 = Section(SyscallTable.I386, networkAllowed);
        var head = new List<BpfInstruction>
        {
            Bpf.Load(Bpf.OffsetArch),
            Bpf.Jeq(SyscallTable.X86_64.AuditArch, 0, 1),
            Bpf.Jump(3),                                   // to x86_64 section (index 6)
            Bpf.Jeq(SyscallTable.I386.AuditArch, 0, 1),
            Bpf.Jump((uint)(1 + x64.Count)),              // to i386 section
            Bpf.Return(Bpf.RetKillProcess),               // unknown ABI: fail closed
        };
        return [.. head, .. x64, .. i386];
    }

    private static List<BpfInstruction> Section(SyscallTable t, bool networkAllowed)
    {
        var s = new List<BpfInstruction> { Bpf.Load(Bpf.OffsetNr) };
        var deny = Bpf.Return(Bpf.RetErrno | Bpf.Eperm);
        if (t.X32Bit is { } x32)
        {
            s.Add(Bpf.Jset(x32, 0, 1));
            s.Add(deny);
        }
        var denied = networkAllowed ? t.AlwaysDenied : [.. t.AlwaysDenied, .. t.NetworkDenied];
        if (!networkAllowed && t.Socketcall is { } socketcall)
        {
            denied = [.. denied, socketcall];
        }
        foreach (var nr in denied.Distinct())
        {
            s.Add(Bpf.Jeq(nr, 0, 1));
            s.Add(deny);
        }
        s.Add(Bpf.Jeq(t.Clone3, 0, 1));
        s.Add(Bpf.Return(Bpf.RetErrno | Bpf.Enosys));     // libc falls back to clone(2), whose flags we can see
        AddArgRule(s, t.CloneNr, [Bpf.Load(Bpf.ArgLow(0)), Bpf.Jset(CloneNamespaceFlags, 0, 1), deny]);
        AddArgRule(s, t.Ioctl,
        [
            Bpf.Load(Bpf.ArgLow(1)),
            Bpf.Jeq(Tiocsti, 1, 0),
            Bpf.Jeq(Tioclinux, 0, 1),
            deny,                                          // terminal input injection
        ]);
        if (!networkAllowed)
        {
            AddArgRule(s, t.Socket, SocketRule(deny));
            AddArgRule(s, t.Socketpair, SocketRule(deny));
            AddArgRule(s, t.Sendto,
            [
                Bpf.Load(Bpf.ArgLow(4)),
                Bpf.Jeq(0, 0, 2),
                Bpf.Load(Bpf.ArgHigh(4)),
                Bpf.Jeq(0, 1, 0),
                deny,                                      // sendto with a destination address
            ]);
        }
        s.Add(Bpf.Return(Bpf.RetAllow));
        return s;
    }

    /// <summary>AF_UNIX stream or seqpacket only: datagram sockets could address host daemons by path.</summary>
    private static List<BpfInstruction> SocketRule(BpfInstruction deny) =>
    [
        Bpf.Load(Bpf.ArgLow(0)),
        Bpf.Jeq(AfUnix, 1, 0),
        deny,
        Bpf.Load(Bpf.ArgLow(1)),
        Bpf.And(SockTypeMask),
        Bpf.Jeq(SockStream, 2, 0),
        Bpf.Jeq(SockSeqpacket, 1, 0),
        deny,
    ];

    /// <summary>
    /// `if nr == N { body }` where the body either returns or falls through; the syscall number
    /// is reloaded afterwards because the body clobbers the accumulator.
    /// </summary>
    private static void AddArgRule(List<BpfInstruction> s, uint nr, List<BpfInstruction> body)
    {
        s.Add(Bpf.Jeq(nr, 0, (byte)(body.Count + 1)));
        s.AddRange(body);
        s.Add(Bpf.Load(Bpf.OffsetNr));
    }
}
