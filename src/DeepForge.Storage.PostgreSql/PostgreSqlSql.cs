namespace DeepForge.Storage.PostgreSql;

/// <summary>The SQL of the store, in one place so the schema and the statements stay in step.</summary>
internal static class PostgreSqlSql
{
    // Advisory lock keys: one class for this store, a key per purpose, so they meet nobody else's locks.
    public const int LockClass = 0x0DF0_0001;
    public const int SchemaLockKey = 1;

    // The schema is made under a transaction-scoped advisory lock: CREATE ... IF NOT EXISTS alone is not safe
    // when two processes run it at the same moment (both may try to insert the same catalog row).
    // Text columns are COLLATE "C": ids order byte by byte as in the SQLite store, whatever the database's
    // locale, and a prefix is a contiguous range of the primary key (DeleteStreams relies on it).
    // json, not jsonb: the contract wants a document back exactly as written (whitespace, key order, escapes),
    // which jsonb rewrites; json is still checked to be JSON and can be read with ->, ->> or a cast to jsonb.
    public const string Schema = """
        SELECT pg_advisory_xact_lock(@lockClass, @schemaKey);
        CREATE TABLE IF NOT EXISTS deepforge_documents (
            collection text COLLATE "C" NOT NULL,
            id text COLLATE "C" NOT NULL,
            partition text COLLATE "C" NULL,
            version bigint NOT NULL,
            json json NOT NULL,
            PRIMARY KEY (collection, id));
        CREATE INDEX IF NOT EXISTS deepforge_documents_by_partition ON deepforge_documents (collection, partition, id);
        CREATE TABLE IF NOT EXISTS deepforge_streams (
            stream text COLLATE "C" NOT NULL,
            seq bigint NOT NULL,
            text text NOT NULL,
            PRIMARY KEY (stream, seq));
        """;

    public const string Get = "SELECT partition, version, json::text FROM deepforge_documents WHERE collection = @collection AND id = @id";

    public const string ListCollection = """
        SELECT id, partition, version, json::text FROM deepforge_documents WHERE collection = @collection ORDER BY id
        """;

    // Served by deepforge_documents_by_partition: queued jobs and a project's executions are one index range.
    public const string ListPartition = """
        SELECT id, partition, version, json::text FROM deepforge_documents
        WHERE collection = @collection AND partition = @partition ORDER BY id
        """;

    // Each conditional write is one statement, so the check and the write cannot be split by another
    // connection: a rival's UPDATE waits on the row lock and then finds the version changed. RETURNING yields
    // no row when the condition fails.
    public const string Upsert = """
        INSERT INTO deepforge_documents (collection, id, partition, version, json) VALUES (@collection, @id, @partition, 1, @json::json)
        ON CONFLICT (collection, id) DO UPDATE SET partition = excluded.partition, json = excluded.json, version = deepforge_documents.version + 1
        RETURNING version
        """;

    public const string InsertNew = """
        INSERT INTO deepforge_documents (collection, id, partition, version, json) VALUES (@collection, @id, @partition, 1, @json::json)
        ON CONFLICT (collection, id) DO NOTHING
        RETURNING version
        """;

    public const string ReplaceVersion = """
        UPDATE deepforge_documents SET partition = @partition, json = @json::json, version = version + 1
        WHERE collection = @collection AND id = @id AND version = @expected
        RETURNING version
        """;

    public const string Delete = "DELETE FROM deepforge_documents WHERE collection = @collection AND id = @id";

    // Appends to one stream take turns on an advisory lock held to the end of the transaction, so each batch
    // numbers from the max its predecessor committed, and entries become visible in the order of their numbers.
    public const string StreamLock = "SELECT pg_advisory_xact_lock(@lockClass, hashtext(@stream))";

    public const string StreamAppend = """
        INSERT INTO deepforge_streams (stream, seq, text)
        SELECT @stream, head.last + entry.ordinality, entry.text
        FROM (SELECT COALESCE(MAX(seq), 0) AS last FROM deepforge_streams WHERE stream = @stream) AS head,
             unnest(@texts::text[]) WITH ORDINALITY AS entry(text, ordinality)
        """;

    public const string StreamRead = """
        SELECT seq, text FROM deepforge_streams WHERE stream = @stream AND seq > @after ORDER BY seq LIMIT @max
        """;

    // The range lets the primary key narrow the scan; the exact comparison keeps '%' and '_' literal, as LIKE would not.
    public const string StreamDeletePrefix = """
        DELETE FROM deepforge_streams WHERE stream >= @prefix AND left(stream, length(@prefix)) = @prefix
        """;
}
