namespace Cdx.Sandbox.Seccomp;

/// <summary>One classic BPF instruction (struct sock_filter).</summary>
internal readonly record struct BpfInstruction(ushort Code, byte Jt, byte Jf, uint K);

/// <summary>Classic BPF opcodes and seccomp constants used by <see cref="SeccompProgram"/>.</summary>
internal static class Bpf
{
    internal const ushort LdAbsW = 0x20;   // BPF_LD | BPF_W | BPF_ABS
    internal const ushort JeqK = 0x15;     // BPF_JMP | BPF_JEQ | BPF_K
    internal const ushort JgeK = 0x35;     // BPF_JMP | BPF_JGE | BPF_K
    internal const ushort JsetK = 0x45;    // BPF_JMP | BPF_JSET | BPF_K
    internal const ushort Ja = 0x05;       // BPF_JMP | BPF_JA
    internal const ushort RetK = 0x06;     // BPF_RET | BPF_K
    internal const ushort AndK = 0x54;     // BPF_ALU | BPF_AND | BPF_K

    internal const uint RetAllow = 0x7fff0000;
    internal const uint RetKillProcess = 0x80000000;
    internal const uint RetErrno = 0x00050000;
    internal const uint Eperm = 1;
    internal const uint Enosys = 38;

    internal const uint OffsetNr = 0;
    internal const uint OffsetArch = 4;

    /// <summary>Offset of the low 32 bits of syscall argument <paramref name="i"/> (little endian).</summary>
    internal static uint ArgLow(int i) => 16 + (8 * (uint)i);

    /// <summary>Offset of the high 32 bits of syscall argument <paramref name="i"/>.</summary>
    internal static uint ArgHigh(int i) => 20 + (8 * (uint)i);

    internal static BpfInstruction Load(uint offset) => new(LdAbsW, 0, 0, offset);

    internal static BpfInstruction Return(uint value) => new(RetK, 0, 0, value);

    internal static BpfInstruction Jeq(uint k, byte jt, byte jf) => new(JeqK, jt, jf, k);

    internal static BpfInstruction Jset(uint k, byte jt, byte jf) => new(JsetK, jt, jf, k);

    internal static BpfInstruction Jge(uint k, byte jt, byte jf) => new(JgeK, jt, jf, k);

    internal static BpfInstruction And(uint k) => new(AndK, 0, 0, k);

    internal static BpfInstruction Jump(uint offset) => new(Ja, 0, 0, offset);
}
