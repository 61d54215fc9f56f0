using Cdx.ApplyPatch.Applying;

namespace Cdx.ApplyPatch.Tests;

/// <summary>The agent path: <see cref="AgentPatch.Inspect"/> for approvals, <see cref="AgentPatch.Apply"/> verify-then-apply.</summary>
public sealed class AgentPatchTests : IDisposable
{
    private readonly TempDir _box = new();
    private readonly string _cwd;

    public AgentPatchTests()
    {
        _cwd = _box["cwd"];
        Directory.CreateDirectory(_cwd);
    }

    public void Dispose() => _box.Dispose();

    private static string Patch(params string[] body) => string.Join('\n', ["*** Begin Patch", .. body, "*** End Patch"]);

    private string Cwd(string rel) => Path.Combine(_cwd, rel);

    [Fact]
    public void Patch_failing_in_its_third_hunk_leaves_every_file_byte_identical()
    {
        File.WriteAllText(Cwd("a.txt"), "one\r\ntwo\r\n");
        File.WriteAllText(Cwd("b.txt"), "keep\n");
        File.WriteAllText(Cwd("c.txt"), "three\n");
        var before = TreeSnapshot.Take(_box.Path);
        var outcome = AgentPatch.Apply(Patch(
            "*** Update File: a.txt", "@@", "-one", "+ONE",
            "*** Delete File: b.txt",
            "*** Update File: c.txt", "@@", "-not there", "+x",
            "*** Add File: d.txt", "+new"), _cwd);
        Assert.False(outcome.IsSuccess);
        Assert.Equal($"apply_patch verification failed: Failed to find expected lines in {Cwd("c.txt")}:\nnot there", outcome.ModelOutput);
        Assert.Equal(before, TreeSnapshot.Take(_box.Path));
    }

    [Fact]
    public void Successful_patch_returns_codex_summary_and_a_unified_diff_per_file()
    {
        File.WriteAllText(Cwd("a.txt"), "one\ntwo\n");
        File.WriteAllText(Cwd("gone.txt"), "bye\n");
        var outcome = AgentPatch.Apply(Patch(
            "*** Update File: a.txt", "*** Move to: sub/a2.txt", "@@", " one", "-two", "+TWO",
            "*** Delete File: gone.txt",
            "*** Add File: n.txt", "+hi"), _cwd);
        Assert.True(outcome.IsSuccess, outcome.Error);
        Assert.Equal("Success. Updated the following files:\nA n.txt\nM sub/a2.txt\nD gone.txt\n", outcome.ModelOutput);
        var changes = outcome.Result!.Changes;
        Assert.Equal([FileChangeKind.Update, FileChangeKind.Delete, FileChangeKind.Add], changes.Select(c => c.Kind));
        Assert.Equal(Cwd("sub/a2.txt"), changes[0].MovePath);
        Assert.Equal($"--- {Cwd("a.txt")}\n+++ {Cwd("sub/a2.txt")}\n@@ -1,2 +1,2 @@\n one\n-two\n+TWO\n", changes[0].UnifiedDiff);
        Assert.Equal("bye\n", changes[1].OldContent);
        Assert.Equal("hi\n", changes[2].NewContent);
        Assert.Equal("one\nTWO\n", File.ReadAllText(Cwd("sub/a2.txt")));
        Assert.False(File.Exists(Cwd("a.txt")));
        Assert.False(File.Exists(Cwd("gone.txt")));
    }

    [Fact]
    public void Inspect_lists_targets_and_move_destinations_with_their_writability()
    {
        var extra = _box["extra"];
        Directory.CreateDirectory(extra);
        var inspection = AgentPatch.Inspect(Patch(
            "*** Add File: in.txt", "+x",
            "*** Update File: a.txt", "*** Move to: ../elsewhere/a.txt", "@@", "+y",
            $"*** Add File: {Path.Combine(extra, "e.txt")}", "+z",
            "*** Delete File: /etc/cdx-never"), _cwd, [extra]);
        Assert.Null(inspection.Error);
        Assert.Equal(
            [("in.txt", true, false), ("a.txt", true, false), ("../elsewhere/a.txt", false, true), (Path.Combine(extra, "e.txt"), true, false), ("/etc/cdx-never", false, false)],
            inspection.Paths.Select(p => (p.Resolved.Raw, p.IsWritable, p.IsMoveDestination)));
        Assert.Equal(_box["elsewhere/a.txt"], inspection.Paths[2].Resolved.Display);
        Assert.False(inspection.IsWritable);
    }

    [Fact]
    public void Paths_outside_the_writable_roots_are_refused_unless_approved()
    {
        var text = Patch("*** Add File: ../outside.txt", "+x");
        var refused = AgentPatch.Apply(text, _cwd);
        Assert.False(refused.IsSuccess);
        Assert.Contains("'../outside.txt' is outside the working directory", refused.Error);
        Assert.False(File.Exists(_box["outside.txt"]));

        var approved = AgentPatch.Apply(text, _cwd, approved: true);
        Assert.True(approved.IsSuccess, approved.Error);
        Assert.Equal("x\n", File.ReadAllText(_box["outside.txt"]));
    }

    [Fact]
    public void Writable_root_outside_the_working_directory_is_allowed()
    {
        var extra = _box["extra"];
        Directory.CreateDirectory(extra);
        var outcome = AgentPatch.Apply(Patch($"*** Add File: {Path.Combine(extra, "e.txt")}", "+z"), _cwd, [extra]);
        Assert.True(outcome.IsSuccess, outcome.Error);
        Assert.Equal("z\n", File.ReadAllText(Path.Combine(extra, "e.txt")));
    }

    [Fact]
    public void Parse_errors_and_empty_patches_use_codex_tool_wording()
    {
        Assert.Equal(
            "apply_patch verification failed: invalid hunk at line 2, '*** Frobnicate File: x' is not a valid hunk header. Valid hunk headers: '*** Add File: {path}', '*** Delete File: {path}', '*** Update File: {path}'",
            AgentPatch.Apply(Patch("*** Frobnicate File: x"), _cwd).Error);
        Assert.Equal("patch rejected: empty patch", AgentPatch.Apply(Patch(), _cwd).Error);
        Assert.Equal(
            $"apply_patch verification failed: Failed to read {Cwd("nope.txt")}: No such file or directory (os error 2)",
            AgentPatch.Apply(Patch("*** Delete File: nope.txt"), _cwd).Error);
    }

    [Fact]
    public void Move_to_the_same_path_keeps_the_file()
    {
        File.WriteAllText(Cwd("same.txt"), "a\n");
        var outcome = AgentPatch.Apply(Patch("*** Update File: same.txt", "*** Move to: same.txt", "@@", "-a", "+b"), _cwd);
        Assert.True(outcome.IsSuccess, outcome.Error);
        Assert.Equal("b\n", File.ReadAllText(Cwd("same.txt")));
    }
}
