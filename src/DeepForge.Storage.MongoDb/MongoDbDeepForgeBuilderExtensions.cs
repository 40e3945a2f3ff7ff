using DeepForge.Hosting;
using DeepForge.Storage.MongoDb;
using DeepForge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

// Every AddX/UseX of DeepForge is in the root namespace, so `using DeepForge;` is all a host needs to configure it.
namespace DeepForge;

/// <summary>Registers the MongoDB document store.</summary>
public static class MongoDbDeepForgeBuilderExtensions
{
    /// <summary>
    /// Stores DeepForge's documents and streams in the MongoDB database that <paramref name="uri"/> names (its path;
    /// <c>deepforge</c> when it has none). The deployment must be a replica set or a sharded cluster: writing several
    /// documents at once needs its transactions. Calling it again (or another Use...Store) replaces the earlier registration.
    /// </summary>
    /// <param name="builder">The DeepForge builder.</param>
    /// <param name="uri">A <c>mongodb://</c> or <c>mongodb+srv://</c> URI.</param>
    /// <returns>The same builder.</returns>
    public static DeepForgeBuilder UseMongoDb(this DeepForgeBuilder builder, string uri)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new MongoDbStoreOptions { Uri = uri };

        // RemoveAll rather than TryAdd: the last call wins, and no second store is left behind.
        builder.Services.RemoveAll<IDocumentStore>();
        builder.Services.AddSingleton<IDocumentStore>(services => new MongoDbDocumentStore(
            options,
            services.GetService<ILogger<MongoDbDocumentStore>>() ?? NullLogger<MongoDbDocumentStore>.Instance));
        return builder;
    }
}
