using Cdx.Governance.Client.Telemetry;

namespace Cdx.Governance.Ingestion;

/// <summary>Checks a batch before anything is stored; the first problem is reported with the event's index.</summary>
internal static class EventValidator
{
    public const int MaxKeyLength = 128;
    public const int MaxPayloadBytes = 256 * 1024;

    /// <summary>Null when the batch is acceptable, else one sentence naming the event and the fix.</summary>
    public static string? Check(EventBatch? batch)
    {
        if (batch?.Events is not { } events)
        {
            return "The body must be a JSON object with an `events` array; send {\"events\": [...]}.";
        }
        if (events.Count > EventBatch.MaxEvents)
        {
            return $"A batch holds at most {EventBatch.MaxEvents} events but this one has {events.Count}; split it.";
        }
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var where = $"events[{i}]";
            if (e is null)
            {
                return $"{where} is null; send an event object.";
            }
            if (string.IsNullOrWhiteSpace(e.IdempotencyKey) || e.IdempotencyKey.Length > MaxKeyLength)
            {
                return $"{where}.idempotency_key must be 1 to {MaxKeyLength} characters; generate a unique key (e.g. a UUID) per event.";
            }
            if (!TelemetryEventTypes.All.Contains(e.Type))
            {
                return $"{where}.type `{e.Type}` is unknown; use one of {string.Join(", ", TelemetryEventTypes.All)}.";
            }
            var kinds = TelemetryEventTypes.KindsOf(e.Type);
            if (kinds.Count > 0 && (e.Kind is null || !kinds.Contains(e.Kind)))
            {
                return $"{where}.kind `{e.Kind}` is not a {e.Type} kind; use one of {string.Join(", ", kinds)}.";
            }
            if (e.Type == TelemetryEventTypes.CodeReviewResponse && e.Payload is null)
            {
                return $"{where} is a code_review_response without payload; send {{\"comment_id\", \"reaction\", \"reply\"}}.";
            }
            if (e.Timestamp <= 0)
            {
                return $"{where}.timestamp must be Unix seconds greater than 0; send the time the event happened.";
            }
            if (e.Tokens is { } t && (t.Input < 0 || t.CachedInput < 0 || t.Output < 0 || t.Reasoning < 0))
            {
                return $"{where}.tokens has a negative count; send counts of 0 or more.";
            }
            if (e.Payload is { } p && p.GetRawText().Length > MaxPayloadBytes)
            {
                return $"{where}.payload is larger than {MaxPayloadBytes / 1024} KiB; truncate large tool output before recording it.";
            }
        }
        return null;
    }
}
