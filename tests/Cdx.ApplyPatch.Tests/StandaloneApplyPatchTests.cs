using Cdx.ApplyPatch.Applying;

namespace Cdx.ApplyPatch.Tests;

public sealed class StandaloneApplyPatchTests : IDisposable
{
    private readonly TempDir _box = new();
    private readonly string _cwd;

    public StandaloneApplyPatchTests()
    {
        _cwd = _box["cwd"];
        Directory.CreateDirectory(_cwd);
    }

    public void Dispose() => _box.Dispose();

    private (int Exit, string Out, string Err) Run(params string[] body)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = StandaloneApplyPatch.Run(string.Join('\n', ["*** Begin Patch", .. body, "*** End Patch"]), _cwd, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private string Cwd(string rel) => Path.Combine(_cwd, rel);

    [Fact]
    public void Success_prints_adds_then_updates_then_deletes()
    {
        File.WriteAllText(Cwd("m.txt"), "a\n");
        File.WriteAllText(Cwd("d.txt"), "x\n");
        var (exit, stdout, stderr) = Run("*** Delete File: d.txt", "*** Update File: m.txt", "@@", "-a", "+b", "*** Add File: n/new.txt", "+hi");
        Assert.Equal(0, exit);
        Assert.Equal("Success. Updated the following files:\nA n/new.txt\nM m.txt\nD d.txt\n", stdout);
        Assert.Equal("", stderr);
        Assert.Equal("hi\n", File.ReadAllText(Cwd("n/new.txt")));
        Assert.False(File.Exists(Cwd("d.txt")));
    }

    [Fact]
    public void Failure_after_partial_success_leaves_earlier_changes()
    {
        var (exit, _, stderr) = Run("*** Add File: created.txt", "+hello", "*** Update File: missing.txt", "@@", "-old", "+new");
        Assert.Equal(1, exit);
        Assert.Equal("hello\n", File.ReadAllText(Cwd("created.txt")));
        Assert.Equal($"Failed to read file to update {Cwd("missing.txt")}: No such file or directory (os error 2)\n", stderr);
    }

    [Fact]
    public void Empty_patch_modifies_nothing()
    {
        var (exit, _, stderr) = Run();
        Assert.Equal((1, "No files were modified.\n"), (exit, stderr));
    }

    [Fact]
    public void Parse_errors_use_the_cli_wording()
    {
        var (exit, _, stderr) = Run("*** Frobnicate File: foo");
        Assert.Equal(1, exit);
        Assert.StartsWith("Invalid patch hunk on line 2: '*** Frobnicate File: foo' is not a valid hunk header.", stderr);
    }

    [Fact]
    public void Deleting_a_missing_file_or_a_directory_fails()
    {
        Directory.CreateDirectory(Cwd("dir"));
        File.WriteAllText(Cwd("dir/foo.txt"), "x");
        Assert.Equal((1, "", $"Failed to delete file {Cwd("missing.txt")}\n"), Run("*** Delete File: missing.txt"));
        Assert.Equal((1, "", $"Failed to delete file {Cwd("dir")}\n"), Run("*** Delete File: dir"));
        Assert.True(File.Exists(Cwd("dir/foo.txt")));
    }

    [Fact]
    public void Context_mismatch_names_the_file_and_the_lines()
    {
        File.WriteAllText(Cwd("f.txt"), "one\ntwo\n");
        var (exit, _, stderr) = Run("*** Update File: f.txt", "@@", " one", "-three", "+3");
        Assert.Equal(1, exit);
        Assert.Equal($"Failed to find expected lines in {Cwd("f.txt")}:\none\nthree\n", stderr);
        Assert.Equal("one\ntwo\n", File.ReadAllText(Cwd("f.txt")));
    }

    [Fact]
    public void Add_overwrites_and_move_overwrites_an_existing_destination()
    {
        File.WriteAllText(Cwd("dup.txt"), "old\n");
        File.WriteAllText(Cwd("from.txt"), "from\n");
        Directory.CreateDirectory(Cwd("renamed/dir"));
        File.WriteAllText(Cwd("renamed/dir/name.txt"), "existing\n");
        var (exit, stdout, _) = Run("*** Add File: dup.txt", "+new content", "*** Update File: from.txt", "*** Move to: renamed/dir/name.txt", "@@", "-from", "+new");
        Assert.Equal(0, exit);
        Assert.Equal("Success. Updated the following files:\nA dup.txt\nM renamed/dir/name.txt\n", stdout);
        Assert.Equal("new content\n", File.ReadAllText(Cwd("dup.txt")));
        Assert.Equal("new\n", File.ReadAllText(Cwd("renamed/dir/name.txt")));
        Assert.False(File.Exists(Cwd("from.txt")));
    }

    [Fact]
    public void Move_to_the_same_path_keeps_the_file_with_the_update()
    {
        File.WriteAllText(Cwd("same.txt"), "a\n");
        var (exit, _, _) = Run("*** Update File: same.txt", "*** Move to: same.txt", "@@", "-a", "+b");
        Assert.Equal(0, exit);
        Assert.Equal("b\n", File.ReadAllText(Cwd("same.txt")));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Update_and_move_preserve_the_file_mode()
    {
        File.WriteAllText(Cwd("run.sh"), "echo a\n");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;
        File.SetUnixFileMode(Cwd("run.sh"), mode);
        Assert.Equal(0, Run("*** Update File: run.sh", "@@", "-echo a", "+echo b").Exit);
        Assert.Equal(mode, File.GetUnixFileMode(Cwd("run.sh")));
        Assert.Equal(0, Run("*** Update File: run.sh", "*** Move to: bin/run2.sh", "@@", "-echo b", "+echo c").Exit);
        Assert.Equal(mode, File.GetUnixFileMode(Cwd("bin/run2.sh")));
    }

    [Fact]
    public void Update_through_a_symlink_inside_the_workspace_keeps_the_link()
    {
        File.WriteAllText(Cwd("target.txt"), "a\n");
        File.CreateSymbolicLink(Cwd("link.txt"), "target.txt");
        Assert.Equal(0, Run("*** Update File: link.txt", "@@", "-a", "+b").Exit);
        Assert.Equal("target.txt", new FileInfo(Cwd("link.txt")).LinkTarget);
        Assert.Equal("b\n", File.ReadAllText(Cwd("target.txt")));
    }

    [Theory]
    [InlineData("*** Add File: ../outside.txt\n+x")]
    [InlineData("*** Add File: sub/../../outside.txt\n+x")]
    [InlineData("*** Update File: inside.txt\n*** Move to: ../outside.txt\n@@\n-a\n+b")]
    [InlineData("*** Delete File: ../outside.txt")]
    [InlineData("*** Add File: /etc/x\n+x")]
    [InlineData("*** Update File: inside.txt\n*** Move to: /etc/x\n@@\n-a\n+b")]
    public void Paths_escaping_the_working_directory_are_refused_before_anything_is_written(string hunk)
    {
        File.WriteAllText(Cwd("inside.txt"), "a\n");
        var before = TreeSnapshot.Take(_box.Path);
        var (exit, stdout, stderr) = Run("*** Add File: first.txt", "+written first?", hunk);
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains("outside the working directory", stderr);
        Assert.Equal(before, TreeSnapshot.Take(_box.Path));
        Assert.False(File.Exists("/etc/x"));
    }

    [Fact]
    public void Absolute_path_outside_is_refused()
    {
        var (exit, _, stderr) = Run("*** Add File: /etc/cdx-apply-patch-test-x", "+x");
        Assert.Equal(1, exit);
        Assert.Contains("'/etc/cdx-apply-patch-test-x' is outside the working directory", stderr);
        Assert.False(File.Exists("/etc/cdx-apply-patch-test-x"));
    }

    [Fact]
    public void Absolute_path_inside_the_working_directory_is_allowed()
    {
        var (exit, stdout, _) = Run($"*** Add File: {Cwd("abs.txt")}", "+x");
        Assert.Equal(0, exit);
        Assert.Equal($"Success. Updated the following files:\nA {Cwd("abs.txt")}\n", stdout);
    }

    [Fact]
    public void Symlink_pointing_out_of_the_workspace_is_refused()
    {
        File.WriteAllText(_box["secret.txt"], "s\n");
        Directory.CreateSymbolicLink(Cwd("escape"), _box.Path);
        var (exit, _, stderr) = Run("*** Update File: escape/secret.txt", "@@", "-s", "+pwned");
        Assert.Equal(1, exit);
        Assert.Contains($"resolves to {_box["secret.txt"]}, outside the working directory", stderr);
        Assert.Equal("s\n", File.ReadAllText(_box["secret.txt"]));
    }
}
