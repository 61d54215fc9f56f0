using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cdx.Sandbox;

/// <summary>What one exec_command / write_stdin call observed: new output, and exit code or session id.</summary>
public sealed record ExecChunk
{
    /// <summary>Set while the process is still running (the id for write_stdin).</summary>
    public int? SessionId { get; init; }

    /// <summary>Set once the process exited.</summary>
    public int? ExitCode { get; init; }

    /// <summary>Output produced since the previous call (with the omission line if over 1 MiB).</summary>
    public required string Output { get; init; }

    /// <summary>Time spent waiting in this call.</summary>
    public required TimeSpan WallTime { get; init; }

    /// <summary>ceil(bytes/4) of the new output before any truncation.</summary>
    public required long OriginalTokenCount { get; init; }

    /// <summary>Set when the exited command's failure looks caused by the sandbox.</summary>
    public SandboxDenial? Denial { get; init; }

    /// <summary>
    /// The model-facing text (Codex 0.169 format): Chunk ID, Wall time, exit code or session id,
    /// Original token count, then the output truncated to <paramref name="maxOutputTokens"/>.
    /// </summary>
    public string ToModelText(int maxOutputTokens = 10_000)
    {
        var sb = new StringBuilder();
        sb.Append("Chunk ID: ").Append(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))).Append('\n');
        sb.Append("Wall time: ").Append(WallTime.TotalSeconds.ToString("0.0000", CultureInfo.InvariantCulture)).Append(" seconds\n");
        if (ExitCode is { } code)
        {
            sb.Append("Process exited with code ").Append(code).Append('\n');
        }
        else
        {
            sb.Append("Process running with session ID ").Append(SessionId).Append('\n');
        }
        sb.Append("Original token count: ").Append(OriginalTokenCount).Append('\n');
        sb.Append("Output:\n");
        sb.Append(OutputText.TruncateToTokens(Output, maxOutputTokens, OriginalTokenCount));
        return sb.ToString();
    }
}
