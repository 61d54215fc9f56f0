using System.Text;

namespace Cdx.Sandbox.Native;

/// <summary>A pseudo-terminal pair from posix_openpt/grantpt/unlockpt/ptsname.</summary>
internal sealed unsafe class Pty
{
    /// <summary>The master side, kept by cdx (close-on-exec).</summary>
    public int Master { get; private init; }

    /// <summary>The slave side, handed to the child as stdin/stdout/stderr.</summary>
    public int Slave { get; private init; }

    /// <summary>Opens a pair sized <paramref name="columns"/>×<paramref name="rows"/>.</summary>
    public static Pty Open(ushort columns = 120, ushort rows = 40)
    {
        var master = Libc.posix_openpt(Libc.O_RDWR | Libc.O_NOCTTY | Libc.O_CLOEXEC);
        if (master < 0)
        {
            throw new SandboxException($"cannot open a pseudo-terminal: {Libc.LastError()}; mount devpts or run without tty.");
        }
        var name = stackalloc byte[256];
        if (Libc.grantpt(master) != 0 || Libc.unlockpt(master) != 0 || Libc.ptsname_r(master, name, 256) != 0)
        {
            var err = Libc.LastError();
            Libc.close(master);
            throw new SandboxException($"cannot set up a pseudo-terminal: {err}.");
        }
        var path = Encoding.UTF8.GetString(name, new ReadOnlySpan<byte>(name, 256).IndexOf((byte)0));
        var slave = Libc.open(path, Libc.O_RDWR | Libc.O_NOCTTY | Libc.O_CLOEXEC);
        if (slave < 0)
        {
            var err = Libc.LastError();
            Libc.close(master);
            throw new SandboxException($"cannot open {path}: {err}.");
        }
        // struct winsize { rows, cols, xpixel, ypixel }
        var size = stackalloc ushort[4] { rows, columns, 0, 0 };
        Libc.ioctl(master, Libc.TIOCSWINSZ, size);
        return new Pty { Master = master, Slave = slave };
    }
}
