namespace DeepForge.Storage.Sqlite;

/// <summary>The SQL of the store, in one place so the schema and the statements stay in step.</summary>
internal static class SqliteSql
{
    // busy_timeout first: the journal_mode switch itself may have to wait for another process.
    // WAL lets readers proceed while one process writes; NORMAL skips the fsync per commit, which is
    // safe under WAL (a power cut can lose the last commits, never corrupt the file).
    public const string Pragmas = """
        PRAGMA busy_timeout = 10000;
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        """;

    public const string Schema = """
        CREATE TABLE IF NOT EXISTS documents (
            collection TEXT NOT NULL,
            id TEXT NOT NULL,
            partition TEXT NULL,
            version INTEGER NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (collection, id));
        CREATE INDEX IF NOT EXISTS documents_by_partition ON documents (collection, partition, id);
        CREATE TABLE IF NOT EXISTS streams (
            stream TEXT NOT NULL,
            seq INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (stream, seq));
        """;

    // IMMEDIATE takes the write lock up front, so a transaction that read never has to upgrade its
    // lock later (the upgrade is where WAL returns SQLITE_BUSY without waiting).
    public const string Begin = "BEGIN IMMEDIATE;";
    public const string Commit = "COMMIT;";
    public const string Rollback = "ROLLBACK;";

    public const string Get = "SELECT partition, version, json FROM documents WHERE collection = $collection AND id = $id;";

    public const string ListCollection = "SELECT id, partition, version, json FROM documents WHERE collection = $collection ORDER BY id;";

    public const string ListPartition = """
        SELECT id, partition, version, json FROM documents
        WHERE collection = $collection AND partition = $partition ORDER BY id;
        """;

    // Each conditional write is one statement, so it is atomic on its own: the check and the write
    // cannot be split by another connection. RETURNING yields no row when the condition fails.
    public const string Upsert = """
        INSERT INTO documents (collection, id, partition, version, json) VALUES ($collection, $id, $partition, 1, $json)
        ON CONFLICT (collection, id) DO UPDATE SET partition = excluded.partition, json = excluded.json, version = documents.version + 1
        RETURNING version;
        """;

    public const string InsertNew = """
        INSERT INTO documents (collection, id, partition, version, json) VALUES ($collection, $id, $partition, 1, $json)
        ON CONFLICT (collection, id) DO NOTHING
        RETURNING version;
        """;

    public const string ReplaceVersion = """
        UPDATE documents SET partition = $partition, json = $json, version = version + 1
        WHERE collection = $collection AND id = $id AND version = $expected
        RETURNING version;
        """;

    public const string Delete = "DELETE FROM documents WHERE collection = $collection AND id = $id;";

    public const string StreamMax = "SELECT COALESCE(MAX(seq), 0) FROM streams WHERE stream = $stream;";

    public const string StreamInsert = "INSERT INTO streams (stream, seq, text) VALUES ($stream, $seq, $text);";

    public const string StreamRead = """
        SELECT seq, text FROM streams WHERE stream = $stream AND seq > $after ORDER BY seq LIMIT $max;
        """;

    // The range bound lets the primary key narrow the scan; substr keeps the match exact, which LIKE
    // would not be (case folding, and '%' or '_' inside a prefix).
    public const string StreamDeletePrefix = """
        DELETE FROM streams WHERE stream >= $prefix AND substr(stream, 1, length($prefix)) = $prefix;
        """;
}
