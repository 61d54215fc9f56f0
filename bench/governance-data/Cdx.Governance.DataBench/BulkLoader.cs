using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Cdx.Governance.Compliance;
using Npgsql;
using NpgsqlTypes;

/// <summary>
/// The fast path for PostgreSQL: generates the same kind of traffic as the API path and writes it
/// with binary COPY straight into the server's tables. It computes what the server would have
/// computed: each compliance chain (seq, prev_hash, hash through <see cref="ComplianceHashing"/>,
/// so the chain verifies), the hourly log-file index and chain heads, the usage rollup, and the
/// codex_tasks / codex_environments rows. Secondary indexes and primary keys are dropped for the
/// load and rebuilt afterwards (much faster than maintaining them row by row).
/// </summary>
internal static class BulkLoader
{
    private static readonly string[] LogKinds = ["prompt", "agent_message", "tool_call", "tool_result", "tool_call", "tool_result", "file_change"];
    private static readonly string[] SecurityKinds = ["approval", "approval", "rejection", "sandbox_denial", "rule_match", "requirement_fallback", "policy_fetch_failure"];
    private static readonly string[] Models = ["gpt-5-codex", "gpt-5", "gpt-5-mini"];
    private static readonly string[] Clients = ["cdx_exec", "cdx_tui", "cdx_exec", "cdx_vscode"];
    private static readonly long[] Spans = [86400, 3600];
    private static readonly string[] Tables =
        ["usage_events", "usage_rollup", "usage_rollup_threads", "usage_daily_turns", "compliance_records", "compliance_log_files", "compliance_chain_heads", "codex_tasks", "codex_environments"];

    private sealed class Chain(string type)
    {
        public string Type { get; } = type;
        public long Seq { get; set; }
        public string Hash { get; set; } = ComplianceHashing.Genesis;
        public long LastReceivedAt { get; set; }
        public long FileStart { get; set; } = -1;
        public long FileFirstSeq { get; set; }
        public string FilePrev { get; set; } = ComplianceHashing.Genesis;
        public List<(long Start, long First, long Last, string Prev, string Head)> Files { get; } = [];

        public void CloseFile()
        {
            if (FileStart >= 0)
            {
                Files.Add((FileStart, FileFirstSeq, Seq, FilePrev, Hash));
            }
        }
    }

    private sealed class Sums
    {
        public long Responses, Input, Cached, Output, Reasoning, Turns;
    }

    private sealed class TaskSums(string client, string model, string env, long ts)
    {
        public string Client = client, Model = model, Env = env;
        public long First = ts, Last = ts;
        public Sums Usage = new();
    }

    public static async Task<(long Usage, long Compliance)> LoadAsync(string connectionString, string workspaceId, IReadOnlyList<(string Id, string Email)> users,
        long usageTarget, long complianceTarget, long from, long to, TextWriter log)
    {
        var sample = "{\"text\":\"prompt xx\",\"command\":\"cargo test -p crate1\"}";
        if (ComplianceHashing.CanonicalPayload(System.Text.Json.JsonDocument.Parse(sample).RootElement) != sample)
        {
            throw new InvalidOperationException("the generator's payload text is not canonical JSON; the chain would not verify");
        }
        await using var ddl = new NpgsqlConnection(connectionString);
        await ddl.OpenAsync();
        var restore = await DropIndexesAsync(ddl);
        foreach (var t in Tables)
        {
            await Exec(ddl, $"TRUNCATE {t}");
        }

        var sw = Stopwatch.StartNew();
        await using var usageConn = new NpgsqlConnection(connectionString);
        await using var recordConn = new NpgsqlConnection(connectionString);
        await usageConn.OpenAsync();
        await recordConn.OpenAsync();
        var usageCopy = await usageConn.BeginBinaryImportAsync("""COPY usage_events ("IdempotencyKey","UserId","ThreadId","TurnId","Client","Model","Timestamp","ReceivedAt","InputTokens","CachedInputTokens","OutputTokens","ReasoningTokens") FROM STDIN (FORMAT BINARY)""");
        var recordCopy = await recordConn.BeginBinaryImportAsync("""COPY compliance_records ("Id","WorkspaceId","EventType","Seq","IdempotencyKey","Kind","Timestamp","ReceivedAt","UserId","UserEmail","ThreadId","TurnId","Client","Model","EnvironmentId","Payload","DeletedAt","PayloadHash","PrevHash","Hash") FROM STDIN (FORMAT BINARY)""");

        var rng = new Random(42);
        var chains = new Dictionary<string, Chain> { ["CODEX_LOG"] = new("CODEX_LOG"), ["CODEX_SECURITY_LOG"] = new("CODEX_SECURITY_LOG") };
        var rollup = new Dictionary<(long Span, long Start, string User, string Client, string Model), Sums>();
        var threads = new HashSet<(long Span, long Start, string User, string Client, string Thread)>();
        var turns = new HashSet<(string User, long Day, string Turn)>();
        var tasks = new Dictionary<(string User, string Thread), TaskSums>();
        var envs = new Dictionary<string, (string User, int U, long First, long Last)>();
        const int batchSize = 1000;
        var total = usageTarget + complianceTarget;
        var batches = (total + batchSize - 1) / batchSize;
        var usageShare = usageTarget / (double)total;
        long usage = 0, compliance = 0;
        var hex = new byte[12];
        for (long b = 0; b < batches; b++)
        {
            var now = from + (long)((to - from) * (b / (double)Math.Max(1, batches - 1)));
            var u = rng.Next(users.Count);
            var (userId, email) = users[u];
            var thread = $"th-{u}-{b / 80}";
            var client = Clients[u % Clients.Length];
            var model = Models[rng.Next(Models.Length)];
            var envId = "env_" + Digest($"{userId}\nm-{u}\n/home/u{u}/repo{u % 7}");
            envs[envId] = envs.TryGetValue(envId, out var e0) ? (userId, u, Math.Min(e0.First, now - 300), Math.Max(e0.Last, now)) : (userId, u, now - 300, now);
            var size = (int)Math.Min(batchSize, total - (b * batchSize));
            for (var i = 0; i < size; i++)
            {
                var ts = now - rng.Next(0, 300);
                var turn = $"{thread}-b{b}-t{i / 8}";
                var key = $"{userId}:bulk-{b}-{i}";
                if (!tasks.TryGetValue((userId, thread), out var task))
                {
                    tasks[(userId, thread)] = task = new TaskSums(client, model, envId, ts);
                }
                task.First = Math.Min(task.First, ts);
                task.Last = Math.Max(task.Last, ts);
                task.Model = model;
                if (rng.NextDouble() < usageShare)
                {
                    long input = rng.Next(2_000, 60_000), cached = input * rng.Next(0, 90) / 100, output = rng.Next(50, 4_000), reasoning = rng.Next(0, 2_000);
                    usageCopy.StartRow();
                    usageCopy.Write(key, NpgsqlDbType.Text);
                    usageCopy.Write(userId, NpgsqlDbType.Text);
                    usageCopy.Write(thread, NpgsqlDbType.Text);
                    usageCopy.Write(turn, NpgsqlDbType.Text);
                    usageCopy.Write(client, NpgsqlDbType.Text);
                    usageCopy.Write(model, NpgsqlDbType.Text);
                    usageCopy.Write(ts, NpgsqlDbType.Bigint);
                    usageCopy.Write(now, NpgsqlDbType.Bigint);
                    usageCopy.Write(input, NpgsqlDbType.Bigint);
                    usageCopy.Write(cached, NpgsqlDbType.Bigint);
                    usageCopy.Write(output, NpgsqlDbType.Bigint);
                    usageCopy.Write(reasoning, NpgsqlDbType.Bigint);
                    var day = ts - (ts % 86400);
                    var newTurn = turns.Add((userId, day, turn));
                    foreach (var span in Spans)
                    {
                        var start = ts - (ts % span);
                        if (!rollup.TryGetValue((span, start, userId, client, model), out var s))
                        {
                            rollup[(span, start, userId, client, model)] = s = new Sums();
                        }
                        Add(s, input, cached, output, reasoning);
                        s.Turns += newTurn ? 1 : 0;
                        threads.Add((span, start, userId, client, thread));
                    }
                    Add(task.Usage, input, cached, output, reasoning);
                    usage++;
                    continue;
                }
                var security = rng.NextDouble() < 0.15;
                var chain = chains[security ? "CODEX_SECURITY_LOG" : "CODEX_LOG"];
                var kind = security ? SecurityKinds[rng.Next(SecurityKinds.Length)] : LogKinds[rng.Next(LogKinds.Length)];
                var payload = $"{{\"text\":\"{kind} {new string('x', rng.Next(40, 400))}\",\"command\":\"cargo test -p crate{rng.Next(50)}\"}}";
                var receivedAt = Math.Max(now, chain.LastReceivedAt);
                var fileStart = receivedAt - (receivedAt % 3600);
                if (fileStart != chain.FileStart)
                {
                    chain.CloseFile();
                    chain.FileStart = fileStart;
                    chain.FileFirstSeq = chain.Seq + 1;
                    chain.FilePrev = chain.Hash;
                }
                rng.NextBytes(hex);
                var fields = new ComplianceRecordFields
                {
                    Id = "rec_" + Convert.ToHexStringLower(hex), WorkspaceId = workspaceId, EventType = chain.Type, Seq = chain.Seq + 1, Kind = kind,
                    Timestamp = ts, ReceivedAt = receivedAt, UserId = userId, ThreadId = thread, TurnId = turn, Client = client, Model = model,
                    EnvironmentId = envId, PayloadHash = ComplianceHashing.PayloadHash(email, payload), PrevHash = chain.Hash,
                };
                var hash = ComplianceHashing.RecordHash(fields);
                recordCopy.StartRow();
                recordCopy.Write(fields.Id, NpgsqlDbType.Text);
                recordCopy.Write(workspaceId, NpgsqlDbType.Text);
                recordCopy.Write(chain.Type, NpgsqlDbType.Text);
                recordCopy.Write(fields.Seq, NpgsqlDbType.Bigint);
                recordCopy.Write(key, NpgsqlDbType.Text);
                recordCopy.Write(kind, NpgsqlDbType.Text);
                recordCopy.Write(ts, NpgsqlDbType.Bigint);
                recordCopy.Write(receivedAt, NpgsqlDbType.Bigint);
                recordCopy.Write(userId, NpgsqlDbType.Text);
                recordCopy.Write(email, NpgsqlDbType.Text);
                recordCopy.Write(thread, NpgsqlDbType.Text);
                recordCopy.Write(turn, NpgsqlDbType.Text);
                recordCopy.Write(client, NpgsqlDbType.Text);
                recordCopy.Write(model, NpgsqlDbType.Text);
                recordCopy.Write(envId, NpgsqlDbType.Text);
                recordCopy.Write(payload, NpgsqlDbType.Text);
                recordCopy.WriteNull();
                recordCopy.Write(fields.PayloadHash, NpgsqlDbType.Text);
                recordCopy.Write(fields.PrevHash, NpgsqlDbType.Text);
                recordCopy.Write(hash, NpgsqlDbType.Text);
                chain.Seq = fields.Seq;
                chain.Hash = hash;
                chain.LastReceivedAt = receivedAt;
                compliance++;
            }
            if (b % 1000 == 0)
            {
                log.WriteLine($"  bulk: {usage + compliance:N0} events, {(usage + compliance) / sw.Elapsed.TotalSeconds:N0}/s");
            }
        }
        await usageCopy.CompleteAsync();
        await recordCopy.CompleteAsync();
        await usageCopy.DisposeAsync();
        await recordCopy.DisposeAsync();
        log.WriteLine($"  bulk: events copied in {sw.Elapsed.TotalSeconds:N0} s; writing rollup, files, heads, tasks");

        await using (var w = await ddl.BeginBinaryImportAsync("""COPY usage_rollup ("WorkspaceId","Span","Start","UserId","Client","Model","Responses","InputTokens","CachedInputTokens","OutputTokens","ReasoningTokens","Turns") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var ((span, start, user, client, model), s) in rollup)
            {
                w.WriteRow(workspaceId, span, start, user, client, model, s.Responses, s.Input, s.Cached, s.Output, s.Reasoning, s.Turns);
            }
            await w.CompleteAsync();
        }
        await using (var w = await ddl.BeginBinaryImportAsync("""COPY usage_rollup_threads ("WorkspaceId","Span","Start","UserId","Client","ThreadId") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var (span, start, user, client, thread) in threads)
            {
                w.WriteRow(workspaceId, span, start, user, client, thread);
            }
            await w.CompleteAsync();
        }
        await using (var w = await ddl.BeginBinaryImportAsync("""COPY usage_daily_turns ("WorkspaceId","UserId","Day","TurnId") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var (user, day, turn) in turns)
            {
                w.WriteRow(workspaceId, user, day, turn);
            }
            await w.CompleteAsync();
        }
        await using (var w = await ddl.BeginBinaryImportAsync("""COPY compliance_log_files ("Id","WorkspaceId","EventType","StartTime","EndTime","FirstSeq","LastSeq","RecordCount","PrevHash","HeadHash") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var chain in chains.Values)
            {
                chain.CloseFile();
                foreach (var f in chain.Files)
                {
                    w.WriteRow($"clf_{chain.Type.ToLowerInvariant()}_{f.Start}", workspaceId, chain.Type, f.Start, f.Start + 3600, f.First, f.Last, f.Last - f.First + 1, f.Prev, f.Head);
                }
            }
            await w.CompleteAsync();
        }
        await using (var w = await ddl.BeginBinaryImportAsync("""COPY compliance_chain_heads ("WorkspaceId","EventType","Seq","Hash","LastReceivedAt","Version") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var chain in chains.Values.Where(c => c.Seq > 0))
            {
                w.WriteRow(workspaceId, chain.Type, chain.Seq, chain.Hash, chain.LastReceivedAt, 1L);
            }
            await w.CompleteAsync();
        }
        await using (var w = await ddl.BeginBinaryImportAsync("""COPY codex_tasks ("Id","UserId","ThreadId","Client","Model","EnvironmentId","FirstSeenAt","LastSeenAt","UsageEvents","InputTokens","CachedInputTokens","OutputTokens","ReasoningTokens") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var ((user, thread), t) in tasks)
            {
                w.WriteRow("task_" + Digest($"{user}\n{thread}"), user, thread, t.Client, t.Model, t.Env, t.First, t.Last,
                    t.Usage.Responses, t.Usage.Input, t.Usage.Cached, t.Usage.Output, t.Usage.Reasoning);
            }
            await w.CompleteAsync();
        }
        await using (var w = await ddl.BeginBinaryImportAsync("""COPY codex_environments ("Id","UserId","MachineId","Hostname","Os","Cwd","GitRemote","FirstSeenAt","LastSeenAt") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var (id, e) in envs)
            {
                w.WriteRow(id, e.User, $"m-{e.U}", $"dev-{e.U}", "linux", $"/home/u{e.U}/repo{e.U % 7}", DBNull.Value, e.First, e.Last);
            }
            await w.CompleteAsync();
        }
        log.WriteLine($"  bulk: all rows in {sw.Elapsed.TotalSeconds:N0} s; rebuilding keys and indexes");
        foreach (var sql in restore)
        {
            var t0 = Stopwatch.StartNew();
            await Exec(ddl, sql);
            log.WriteLine($"    {t0.Elapsed.TotalSeconds,6:N1} s  {sql}");
        }
        foreach (var t in Tables)
        {
            await Exec(ddl, $"ANALYZE {t}");
        }
        await Exec(ddl, """SELECT setval(pg_get_serial_sequence('usage_events', 'Id'), (SELECT max("Id") FROM usage_events))""");
        log.WriteLine($"  bulk: done in {sw.Elapsed.TotalSeconds:N0} s ({(usage + compliance) / sw.Elapsed.TotalSeconds:N0} events/s)");
        return (usage, compliance);
    }

    private static void Add(Sums s, long input, long cached, long output, long reasoning)
    {
        s.Responses++;
        s.Input += input;
        s.Cached += cached;
        s.Output += output;
        s.Reasoning += reasoning;
    }

    // Drops the primary keys and secondary indexes of the loaded tables; returns the statements that rebuild them.
    private static async Task<List<string>> DropIndexesAsync(NpgsqlConnection c)
    {
        var list = string.Join(",", Tables.Select(t => $"'{t}'"));
        var restore = new List<string>();
        var drops = new List<string>();
        await using (var cmd = new NpgsqlCommand($"""
            SELECT 'ALTER TABLE ' || conrelid::regclass || ' DROP CONSTRAINT "' || conname || '"',
                   'ALTER TABLE ' || conrelid::regclass || ' ADD CONSTRAINT "' || conname || '" ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE contype = 'p' AND conrelid::regclass::text IN ({list})
            """, c))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                drops.Add(r.GetString(0));
                restore.Add(r.GetString(1));
            }
        }
        await using (var cmd = new NpgsqlCommand($"""
            SELECT 'DROP INDEX "' || indexname || '"', indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename IN ({list}) AND indexname NOT LIKE 'PK\_%'
            """, c))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                drops.Add(r.GetString(0));
                restore.Add(r.GetString(1));
            }
        }
        foreach (var d in drops)
        {
            await Exec(c, d);
        }
        return restore;
    }

    private static async Task Exec(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

    private static string Digest(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..24];
}
