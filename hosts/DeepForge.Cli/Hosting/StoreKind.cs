namespace DeepForge.Cli.Hosting;

/// <summary>The stores the command can run on.</summary>
internal enum StoreKind
{
    Sqlite,
    PostgreSql,
    MongoDb,
}
