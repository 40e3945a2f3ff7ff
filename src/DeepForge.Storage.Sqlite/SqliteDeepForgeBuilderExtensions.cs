using DeepForge.Hosting;
using DeepForge.Storage.Sqlite;
using DeepForge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

// Every AddX/UseX of DeepForge is in the root namespace, so `using DeepForge;` is all a host needs to configure it.
namespace DeepForge;

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
