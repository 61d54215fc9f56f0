namespace Cdx.Sandbox.Tests;

public sealed class OutputCaptureTests : IDisposable
{
    private readonly TempDirs _dirs = new();

    public void Dispose() => _dirs.Dispose();

    [Fact]
    public async Task Output_over_the_cap_keeps_head_and_tail_with_an_omission_marker()
    {
        var r = await SandboxedProcessRunner.RunAsync(
            new ExecRequest
            {
                Command = ["seq", "1", "100000"],
                WorkingDirectory = _dirs.Workspace,
                Policy = SandboxPolicy.ReadOnly,
                OutputCapBytes = 4096,
            },
            CancellationToken.None);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(588895, r.TotalOutputBytes);
        Assert.Equal(588895 - 4096, r.OmittedBytes);
        Assert.StartsWith($"... {588895 - 4096} bytes omitted ...\n\n1\n2\n3\n", r.Output);
        Assert.EndsWith("99999\n100000\n", r.Output);
    }

    [Fact]
    public void Head_tail_buffer_counts_what_it_drops()
    {
        var b = new HeadTailBuffer(10);
        b.Append("0123456789abcdef"u8);
        b.Append("XYZ"u8);
        var (bytes, omitted) = b.Drain();
        Assert.Equal(10, bytes.Length);
        Assert.Equal("01234", System.Text.Encoding.ASCII.GetString(bytes)[..5]);
        Assert.Equal("efXYZ", System.Text.Encoding.ASCII.GetString(bytes)[5..]);
        Assert.Equal(9, omitted);
        Assert.Equal(19, b.TotalBytes);
    }

    [Fact]
    public void Model_truncation_keeps_head_and_tail_with_codex_markers()
    {
        var text = string.Concat(Enumerable.Range(0, 1000).Select(i => $"line{i}\n"));
        var t = OutputText.TruncateToTokens(text, 10);
        Assert.StartsWith($"Warning: truncated output (original token count: {OutputText.EstimateTokens(text.Length)})\nline0\n", t);
        Assert.Matches(@"…\d+ tokens truncated…", t);
        Assert.EndsWith("line999\n", t);
        Assert.Equal(text, OutputText.TruncateToTokens(text, 100_000));
    }

    [Fact]
    public void Omission_marker_of_the_capture_does_not_use_up_the_head_budget()
    {
        // Codex 0.169 (seq 1 200000, max_output_tokens 100): the marker sits after the warning and
        // the head still holds its full 200 bytes of output.
        var body = string.Concat(Enumerable.Range(1, 2000).Select(i => $"{i}\n"));
        var t = OutputText.TruncateToTokens($"... 5000 bytes omitted ...\n\n{body}", 100, 9999);
        var head = body[..200];
        Assert.StartsWith($"Warning: truncated output (original token count: 9999)\n... 5000 bytes omitted ...\n\n{head}…", t);
    }

    [Fact]
    public void Model_truncation_never_splits_a_utf8_character()
    {
        var text = new string('é', 200);
        var t = OutputText.TruncateToTokens(text, 5);
        Assert.DoesNotContain('\uFFFD', t);
    }

    [Fact]
    public void Exec_chunk_renders_the_codex_tool_output_format()
    {
        var chunk = new ExecChunk { ExitCode = 3, Output = "hi\nerr\n", WallTime = TimeSpan.Zero, OriginalTokenCount = 2 };
        Assert.Matches(
            @"^Chunk ID: [0-9a-f]{6}\nWall time: 0\.0000 seconds\nProcess exited with code 3\nOriginal token count: 2\nOutput:\nhi\nerr\n$",
            chunk.ToModelText());
    }
}
