using System.CommandLine;
using Cdx.Governance.Compliance;

namespace Cdx.Cli.Commands;

/// <summary>`cdx governance verify-log FILE...`: checks downloaded compliance log files offline (hash chain, trailers, file links).</summary>
public static class GovernanceVerifyLogCommand
{
    /// <summary>Creates the subcommand.</summary>
    public static Command Create()
    {
        var cmd = new Command("verify-log", "Verify downloaded compliance log files (JSONL): exit 0 when the hash chain is intact, 1 naming the first broken record.");
        var files = new Argument<string[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "Log files downloaded from /v1/compliance/workspaces/{id}/logs/{log_file_id}." };
        cmd.Arguments.Add(files);
        cmd.SetAction((ParseResult pr) =>
        {
            var result = LogVerifier.Verify(pr.GetValue(files)!);
            if (!result.Ok)
            {
                Console.Error.WriteLine($"cdx governance verify-log: {result.Problem}");
                return 1;
            }
            Console.Out.WriteLine($"cdx governance verify-log: ok ({result.Records} records in {result.Files} files; chain intact)");
            return 0;
        });
        return cmd;
    }
}
