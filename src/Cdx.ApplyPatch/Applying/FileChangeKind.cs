namespace Cdx.ApplyPatch.Applying;

/// <summary>What a patch does to one file (the `kind` of an exec `file_change` entry).</summary>
public enum FileChangeKind
{
    /// <summary>The file is created (or overwritten) by `*** Add File`.</summary>
    Add,

    /// <summary>The file is removed by `*** Delete File`.</summary>
    Delete,

    /// <summary>The file is edited by `*** Update File`, possibly moved.</summary>
    Update,
}
