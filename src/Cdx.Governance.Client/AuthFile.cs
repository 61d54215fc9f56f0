using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cdx.Governance.Client;

/// <summary>
/// `$CODEX_HOME/auth.json`: the governance credentials live under `cdx_governance`; every other
/// field (OPENAI_API_KEY, Codex's tokens) is kept as it was. Written atomically with mode 0600.
/// </summary>
public static class AuthFile
{
    /// <summary>The key under which cdx stores governance credentials.</summary>
    public const string Key = "cdx_governance";

    /// <summary>The path of auth.json in <paramref name="codexHome"/>.</summary>
    public static string PathIn(string codexHome) => Path.Combine(codexHome, "auth.json");

    /// <summary>Reads the governance credentials, or null when not logged in; a broken file is an error naming it.</summary>
    public static GovernanceCredentials? Read(string codexHome)
    {
        var root = ReadRoot(codexHome);
        if (root?[Key] is not JsonObject node)
        {
            return null;
        }
        try
        {
            return node.Deserialize(ClientJsonContext.Default.GovernanceCredentials);
        }
        catch (JsonException ex)
        {
            throw new GovernanceClientException($"{PathIn(codexHome)}: the `{Key}` entry is damaged ({ex.Message}); run `cdx logout` and `cdx login` again.");
        }
    }

    /// <summary>Stores <paramref name="credentials"/> (or removes them when null), keeping the file's other fields.</summary>
    public static void Write(string codexHome, GovernanceCredentials? credentials)
    {
        var root = ReadRoot(codexHome) ?? new JsonObject();
        root.Remove(Key);
        if (credentials is not null)
        {
            root[Key] = JsonSerializer.SerializeToNode(credentials, ClientJsonContext.Default.GovernanceCredentials);
        }
        var path = PathIn(codexHome);
        if (credentials is null && root.Count == 0)
        {
            File.Delete(path);
            return;
        }
        Directory.CreateDirectory(codexHome);
        var temp = path + ".tmp-" + Environment.ProcessId;
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temp, options))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n"));
        }
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temp, path, overwrite: true);
    }

    private static JsonObject? ReadRoot(string codexHome)
    {
        var path = PathIn(codexHome);
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new GovernanceClientException($"{path}: expected a JSON object; fix or remove the file, then run `cdx login` again.");
        }
        catch (JsonException ex)
        {
            throw new GovernanceClientException($"{path}: not valid JSON ({ex.Message}); fix or remove the file, then run `cdx login` again.");
        }
    }
}
