using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cdx.Config.Output;

namespace Cdx.Cli.Commands;

/// <summary>`cdx debug config [--json]`: the effective configuration with origins, constraints and notices.</summary>
public static class DebugConfigCommand
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var cmd = new Command("config", "Show the effective configuration, where each value came from, and what requirements changed.");
        var json = new Option<bool>("--json") { Description = "Print {config, origins, requirements, notices} as JSON." };
        cmd.Options.Add(json);
        var options = ConfigOptions.AddTo(cmd);
        cmd.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            var effective = await options.LoadAsync(pr, ct);
            Console.Out.Write(pr.GetValue(json)
                ? ConfigReport.ToJson(effective).ToJsonString(Indented) + "\n"
                : ConfigReport.ToText(effective));
            return 0;
        });
        return cmd;
    }
}
