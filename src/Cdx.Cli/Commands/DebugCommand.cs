using System.CommandLine;

namespace Cdx.Cli.Commands;

/// <summary>`cdx debug ...`: tools for looking inside cdx (TOML decoding, effective config, ...).</summary>
public static class DebugCommand
{
    /// <summary>Creates the `debug` command group.</summary>
    public static Command Create()
    {
        var debug = new Command("debug", "Tools for inspecting how cdx reads its inputs.");
        // One line per debug subcommand; each lives in its own file.
        debug.Subcommands.Add(DebugConfigCommand.Create());
        debug.Subcommands.Add(TomlDecodeCommand.Create());
        return debug;
    }
}
