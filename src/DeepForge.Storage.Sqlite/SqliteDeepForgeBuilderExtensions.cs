using DeepForge.Storage;
using DeepForge.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

// In the builder's namespace so UseSqlite shows up wherever DeepForge is configured.
namespace DeepForge.Hosting;

/// <summary>Registers the SQLite document store.</summary>
public static class SqliteDeepForgeBuilderExtensions
{
    /// <summary>
    /// Stores DeepForge's documents and streams in the SQLite file at <paramref name="databasePath"/>.
    /// Calling it again replaces the earlier registration.
    /// </summary>
    /// <param name="builder">The DeepForge builder.</param>
    /// <param name="databasePath">Path of the database file; created with its directory when missing.</param>
    /// <returns>The same builder.</returns>
    public static DeepForgeBuilder UseSqlite(this DeepForgeBuilder builder, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new SqliteStoreOptions { DatabasePath = databasePath };

        // RemoveAll rather than TryAdd: the last call wins, and no second store is left behind.
        builder.Services.RemoveAll<IDocumentStore>();
        builder.Services.AddSingleton<IDocumentStore>(services => new SqliteDocumentStore(
            options,
            services.GetService<ILogger<SqliteDocumentStore>>() ?? NullLogger<SqliteDocumentStore>.Instance));
        return builder;
    }
}
