using Npgsql;

namespace DeepForge.Storage.PostgreSql;

/// <summary>Settings of the PostgreSQL document store.</summary>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>
    /// The database to use, as Npgsql's keywords (<c>Host=db;Database=deepforge;Username=deepforge</c>) or as a URL
    /// (<c>postgres://user:password@host:5432/deepforge</c>). The store creates its tables there on first use.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// Checks the setting, so a bad one fails at start with a message that names the option instead of surfacing
    /// later as an obscure driver error.
    /// </summary>
    /// <returns>The connection string in Npgsql's keywords.</returns>
    internal NpgsqlConnectionStringBuilder ValidateAndPrepare()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new InvalidOperationException(
                $"{nameof(PostgreSqlStoreOptions)}.{nameof(ConnectionString)} is empty. "
                + "Set it to the database to use, e.g. UsePostgreSql(\"Host=localhost;Database=deepforge;Username=deepforge\").");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(PostgreSqlUrl.IsUrl(ConnectionString) ? PostgreSqlUrl.ToKeywords(ConnectionString) : ConnectionString);
            if (string.IsNullOrEmpty(builder.Host))
            {
                throw new ArgumentException("it names no host (Host=...)");
            }

            return builder;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException or UriFormatException)
        {
            throw new InvalidOperationException(
                $"{nameof(PostgreSqlStoreOptions)}.{nameof(ConnectionString)} is not a PostgreSQL connection string ({ex.Message}). "
                + "Write it as Host=...;Database=...;Username=... or postgres://user@host:port/database.", ex);
        }
    }
}
