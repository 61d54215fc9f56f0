using System.Net;
using System.Net.Sockets;

namespace Cdx.Sandbox.Tests.Escapes;

/// <summary>
/// Attempts to reach a daemon the test runs on the host: unix sockets (on disk and abstract,
/// stream and datagram) and TCP/UDP on 127.0.0.1. Each listener must receive nothing.
/// </summary>
public sealed class SocketEscapeTests : Hostile
{
    private static Socket UnixListener(EndPoint at, SocketType type)
    {
        var s = new Socket(AddressFamily.Unix, type, ProtocolType.Unspecified);
        s.Bind(at);
        if (type == SocketType.Stream)
        {
            s.Listen();
        }
        return s;
    }

    private static void AssertNothingArrived(Socket listener)
    {
        Assert.False(listener.Poll(200_000, SelectMode.SelectRead), "the host listener received a connection or datagram");
    }

    /// <summary>
    /// Listens on a unix stream socket at <paramref name="at"/>; the sandboxed attempt connects to
    /// <paramref name="pyAddress"/> (a Python literal) and sends; it must fail and nothing arrive.
    /// </summary>
    private async Task AssertStreamConnectBlocked(EndPoint at, string pyAddress)
    {
        using var listener = UnixListener(at, SocketType.Stream);
        AssertBlocked(await Py($"""
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                s.connect({pyAddress}); s.sendall(b"pwn"); escaped("connected")
            except OSError as e: blocked(e)
            """));
        AssertNothingArrived(listener);
    }

    [Fact]
    public Task A_unix_stream_socket_in_a_writable_root_cannot_be_connected()
    {
        var path = Dirs.Ws("daemon.sock");
        return AssertStreamConnectBlocked(new UnixDomainSocketEndPoint(path), Quote(path));
    }

    [Fact]
    public Task A_unix_stream_socket_of_a_read_only_host_path_cannot_be_connected()
    {
        var path = Dirs.Out("docker.sock");
        return AssertStreamConnectBlocked(new UnixDomainSocketEndPoint(path), Quote(path));
    }

    [Fact]
    public async Task A_unix_datagram_socket_on_disk_cannot_be_sent_to()
    {
        var path = Dirs.Out("journal.sock");
        using var listener = UnixListener(new UnixDomainSocketEndPoint(path), SocketType.Dgram);
        AssertBlocked(await Py($"""
            try:
                s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
                s.sendto(b"pwn", {Quote(path)}); escaped("sent")
            except OSError as e: pass
            try:
                a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
                a.sendto(b"pwn", {Quote(path)}); escaped("sent via socketpair")
            except OSError as e: blocked(e)
            """));
        AssertNothingArrived(listener);
    }

    [Fact]
    public Task An_abstract_unix_stream_socket_cannot_be_connected() =>
        AssertStreamConnectBlocked(new UnixDomainSocketEndPoint("\0" + Marker), $"\"\\0{Marker}\"");

    [Fact]
    public async Task An_abstract_unix_datagram_socket_cannot_be_sent_to()
    {
        var name = "\0" + Marker;
        using var listener = UnixListener(new UnixDomainSocketEndPoint(name), SocketType.Dgram);
        AssertBlocked(await Py($"""
            try:
                s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
                s.sendto(b"pwn", "\0{Marker}"); escaped("sent")
            except OSError as e: blocked(e)
            """));
        AssertNothingArrived(listener);
    }

    [Fact]
    public async Task A_tcp_listener_on_127_0_0_1_cannot_be_reached()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        AssertBlocked(await Py($"""
            try:
                socket.create_connection(("127.0.0.1", {port}), 2).sendall(b"pwn"); escaped("tcp")
            except OSError as e: blocked(e)
            """));
        AssertNothingArrived(listener);
    }

    [Fact]
    public async Task A_udp_listener_on_127_0_0_1_receives_nothing()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        AssertBlocked(await Py($"""
            try:
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                s.sendto(b"pwn", ("127.0.0.1", {port})); escaped("udp")
            except OSError as e: blocked(e)
            """));
        AssertNothingArrived(listener);
    }

    [Fact]
    public async Task Netlink_and_raw_sockets_cannot_be_opened()
    {
        AssertBlocked(await Py("""
            for fam, typ in ((16, socket.SOCK_RAW), (socket.AF_INET, socket.SOCK_RAW), (17, socket.SOCK_RAW), (socket.AF_INET6, socket.SOCK_DGRAM)):
                try:
                    socket.socket(fam, typ); escaped("socket %d/%d" % (fam, typ))
                except OSError: pass
            blocked("families")
            """));
    }

    private static string Quote(string s) => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
