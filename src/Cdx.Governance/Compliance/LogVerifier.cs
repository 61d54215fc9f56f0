using System.Text.Json;

namespace Cdx.Governance.Compliance;

/// <summary>
/// Checks downloaded compliance log files offline: every record's payload_hash and hash are
/// recomputed, every prev_hash must equal the previous record's hash, seq must not skip, each
/// file's trailer must name its real head, and files of one chain that follow each other must link.
/// </summary>
public static class LogVerifier
{
    private sealed record FileSummary(string Path, string EventType, long FirstSeq, long LastSeq, string PrevHash, string HeadHash, string FirstLocation);

    /// <summary>Verifies the files; stops at the first problem.</summary>
    public static LogVerification Verify(IReadOnlyList<string> paths)
    {
        var summaries = new List<FileSummary>();
        long records = 0;
        foreach (var path in paths)
        {
            var (summary, count, problem) = VerifyFile(path);
            records += count;
            if (problem is not null)
            {
                return new LogVerification { Problem = problem, Records = records, Files = summaries.Count + 1 };
            }
            summaries.Add(summary!);
        }
        foreach (var chain in summaries.GroupBy(s => s.EventType))
        {
            var ordered = chain.OrderBy(s => s.FirstSeq).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var (a, b) = (ordered[i - 1], ordered[i]);
                if (b.FirstSeq <= a.LastSeq)
                {
                    return new LogVerification { Problem = $"{b.FirstLocation}: seq {b.FirstSeq} overlaps {a.Path} (seq {a.FirstSeq}..{a.LastSeq}); pass each file once", Records = records, Files = summaries.Count };
                }
                if (b.FirstSeq == a.LastSeq + 1 && b.PrevHash != a.HeadHash)
                {
                    return new LogVerification { Problem = $"{b.FirstLocation}: prev_hash does not equal the head of {a.Path} ({a.HeadHash}); the files do not belong to one chain or one was altered", Records = records, Files = summaries.Count };
                }
            }
        }
        return new LogVerification { Records = records, Files = summaries.Count };
    }

    private static (FileSummary? Summary, long Records, string? Problem) VerifyFile(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, 0, $"{path}: cannot be read ({ex.Message}); check the path");
        }
        var count = lines.Length;
        while (count > 0 && lines[count - 1].Length == 0)
        {
            count--;
        }
        string? prevHash = null, firstPrev = null, eventType = null, firstLocation = null;
        long prevSeq = 0, firstSeq = 0, checkedRecords = 0;
        for (var i = 0; i < count; i++)
        {
            var at = $"{path}:{i + 1}";
            JsonElement line;
            try
            {
                using var doc = JsonDocument.Parse(lines[i]);
                line = doc.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                return (null, checkedRecords, $"{at}: not valid JSON ({ex.Message}); the line was damaged or edited");
            }
            var obj = Str(line, "object");
            if (obj == LogFileWriter.TrailerObject)
            {
                if (i != count - 1)
                {
                    return (null, checkedRecords, $"{at}: the file trailer is not the last line; records after it were appended");
                }
                var trailerProblem = CheckTrailer(line, checkedRecords, firstSeq, prevSeq, firstPrev, prevHash);
                return trailerProblem is null
                    ? (new FileSummary(path, eventType ?? Str(line, "event_type") ?? "", firstSeq, prevSeq, firstPrev ?? Str(line, "prev_hash") ?? "", prevHash ?? Str(line, "head_hash") ?? "", firstLocation ?? at), checkedRecords, null)
                    : (null, checkedRecords, $"{at}: file trailer: {trailerProblem}");
            }
            if (obj != LogFileWriter.RecordObject)
            {
                return (null, checkedRecords, $"{at}: `object` is `{obj}`, not a compliance record or trailer; is this a cdx compliance log file?");
            }
            var id = Str(line, "id") ?? "?";
            var where = $"{at}: record {id} (seq {Num(line, "seq")})";
            ComplianceRecordFields fields;
            try
            {
                fields = Fields(line);
            }
            catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                return (null, checkedRecords, $"{where}: a field is missing or has the wrong type ({ex.Message})");
            }
            if (line.TryGetProperty("payload_deleted_at", out var deleted) && deleted.ValueKind == JsonValueKind.Null)
            {
                var email = line.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object ? Str(u, "email") : null;
                var payload = line.TryGetProperty("payload", out var p) && p.ValueKind != JsonValueKind.Null ? ComplianceHashing.CanonicalPayload(p) : null;
                if (ComplianceHashing.PayloadHash(email, payload) != fields.PayloadHash)
                {
                    return (null, checkedRecords, $"{where}: the email or payload does not match payload_hash; the record's content was edited");
                }
            }
            if (ComplianceHashing.RecordHash(fields) != Str(line, "hash"))
            {
                return (null, checkedRecords, $"{where}: hash does not match the record's fields; the record was edited");
            }
            if (prevHash is not null && (fields.PrevHash != prevHash || fields.Seq != prevSeq + 1 || fields.EventType != eventType))
            {
                return (null, checkedRecords, $"{where}: does not follow the previous record (expected seq {prevSeq + 1} with prev_hash {prevHash}); a record was removed, inserted or reordered");
            }
            if (prevHash is null)
            {
                (firstPrev, firstSeq, eventType, firstLocation) = (fields.PrevHash, fields.Seq, fields.EventType, where);
            }
            (prevHash, prevSeq) = (Str(line, "hash"), fields.Seq);
            checkedRecords++;
        }
        return (null, checkedRecords, $"{path}:{count + 1}: the file trailer line is missing; the file is truncated (download it again)");
    }

    private static string? CheckTrailer(JsonElement t, long records, long firstSeq, long lastSeq, string? firstPrev, string? head)
    {
        if (Num(t, "record_count") != records)
        {
            return $"record_count is {Num(t, "record_count")} but the file has {records} records; records were removed or added";
        }
        if (records == 0)
        {
            return null;
        }
        if (Num(t, "first_seq") != firstSeq || Num(t, "last_seq") != lastSeq)
        {
            return $"names seq {Num(t, "first_seq")}..{Num(t, "last_seq")} but the records are {firstSeq}..{lastSeq}";
        }
        if (Str(t, "prev_hash") != firstPrev)
        {
            return "prev_hash does not equal the first record's prev_hash";
        }
        return Str(t, "head_hash") == head ? null : $"head_hash {Str(t, "head_hash")} is not the last record's hash {head}";
    }

    private static ComplianceRecordFields Fields(JsonElement r) => new()
    {
        Id = Req(r, "id"), WorkspaceId = Req(r, "workspace_id"), EventType = Req(r, "event_type"), Seq = r.GetProperty("seq").GetInt64(),
        Kind = Req(r, "kind"), Timestamp = r.GetProperty("timestamp").GetInt64(), ReceivedAt = r.GetProperty("received_at").GetInt64(),
        UserId = r.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object ? Str(u, "id") : null,
        ThreadId = Str(r, "thread_id"), TurnId = Str(r, "turn_id"), Client = Str(r, "client"), Model = Str(r, "model"),
        EnvironmentId = Str(r, "environment_id"), PayloadHash = Req(r, "payload_hash"), PrevHash = Req(r, "prev_hash"),
    };

    private static string Req(JsonElement e, string name) => e.GetProperty(name).GetString() ?? throw new InvalidOperationException($"`{name}` is null");

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long Num(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : -1;
}
