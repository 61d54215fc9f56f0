using System.Text.Json;

namespace Cdx.Governance.Compliance;

/// <summary>Writes the JSONL lines of a downloaded log file: one line per record, then one trailer line carrying the chain head.</summary>
internal static class LogFileWriter
{
    public const string RecordObject = "compliance.record";
    public const string TrailerObject = "compliance.log_file";

    public static void WriteRecord(Utf8JsonWriter w, ComplianceRecordRow r)
    {
        w.WriteStartObject();
        w.WriteString("object", RecordObject);
        w.WriteString("id", r.Id);
        w.WriteString("event_type", r.EventType);
        w.WriteNumber("seq", r.Seq);
        w.WriteString("kind", r.Kind);
        w.WriteNumber("timestamp", r.Timestamp);
        w.WriteNumber("received_at", r.ReceivedAt);
        w.WriteString("workspace_id", r.WorkspaceId);
        if (r.UserId is null)
        {
            w.WriteNull("user");
        }
        else
        {
            w.WriteStartObject("user");
            w.WriteString("id", r.UserId);
            w.WriteString("email", r.UserEmail);
            w.WriteEndObject();
        }
        w.WriteString("thread_id", r.ThreadId);
        w.WriteString("turn_id", r.TurnId);
        w.WriteString("client", r.Client);
        w.WriteString("model", r.Model);
        w.WriteString("environment_id", r.EnvironmentId);
        w.WritePropertyName("payload");
        if (r.Payload is null)
        {
            w.WriteNullValue();
        }
        else
        {
            w.WriteRawValue(r.Payload, skipInputValidation: true);
        }
        if (r.DeletedAt is { } d)
        {
            w.WriteNumber("payload_deleted_at", d);
        }
        else
        {
            w.WriteNull("payload_deleted_at");
        }
        w.WriteString("payload_hash", r.PayloadHash);
        w.WriteString("prev_hash", r.PrevHash);
        w.WriteString("hash", r.Hash);
        w.WriteEndObject();
    }

    public static void WriteTrailer(Utf8JsonWriter w, LogFileRow f)
    {
        w.WriteStartObject();
        w.WriteString("object", TrailerObject);
        w.WriteString("id", f.Id);
        w.WriteString("event_type", f.EventType);
        w.WriteString("workspace_id", f.WorkspaceId);
        w.WriteString("start_time", WireTime.Iso(f.StartTime));
        w.WriteString("end_time", WireTime.Iso(f.EndTime));
        w.WriteNumber("record_count", f.RecordCount);
        w.WriteNumber("first_seq", f.FirstSeq);
        w.WriteNumber("last_seq", f.LastSeq);
        w.WriteString("prev_hash", f.PrevHash);
        w.WriteString("head_hash", f.HeadHash);
        w.WriteEndObject();
    }
}
