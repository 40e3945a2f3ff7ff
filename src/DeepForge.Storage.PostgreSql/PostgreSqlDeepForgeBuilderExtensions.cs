using DeepForge.Hosting;
using DeepForge.Storage.PostgreSql;
using DeepForge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

// Every AddX/UseX of DeepForge is in the root namespace, so `using DeepForge;` is all a host needs to configure it.
namespace DeepForge;

/// <summary>Registers the PostgreSQL document store.</summary>
public static class PostgreSqlDeepForgeBuilderExtensions
{
    /// <summary>
    /// Stores DeepForge's documents and streams in the PostgreSQL database that <paramref name="connectionString"/>
    /// names; its tables are made on first use. Calling it again (or another Use...Store) replaces the earlier registration.
    /// </summary>
    /// <param name="builder">The DeepForge builder.</param>
    /// <param name="connectionString">Npgsql's keywords (<c>Host=...;Database=...</c>) or a <c>postgres://</c> URL.</param>
    /// <returns>The same builder.</returns>
    public static DeepForgeBuilder UsePostgreSql(this DeepForgeBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new PostgreSqlStoreOptions { ConnectionString = connectionString };

        // RemoveAll rather than TryAdd: the last call wins, and no second store is left behind.
        builder.Services.RemoveAll<IDocumentStore>();
        builder.Services.AddSingleton<IDocumentStore>(services => new PostgreSqlDocumentStore(
            options,
            services.GetService<ILogger<PostgreSqlDocumentStore>>() ?? NullLogger<PostgreSqlDocumentStore>.Instance));
        return builder;
    }
}
