using MongoDB.Driver;

namespace DeepForge.Storage.MongoDb;

/// <summary>Settings of the MongoDB document store.</summary>
public sealed class MongoDbStoreOptions
{
    /// <summary>The database that holds DeepForge's collections when the URI names none.</summary>
    public const string DefaultDatabase = "deepforge";

    /// <summary>
    /// The deployment and database, as a MongoDB URI: <c>mongodb://host:27017/deepforge?replicaSet=rs0</c>. The
    /// database is the URI's path (<see cref="DefaultDatabase"/> when it has none). Writing several documents at once
    /// needs transactions, which a replica set or a sharded cluster has (a replica set of one member is enough).
    /// </summary>
    public string Uri { get; set; } = string.Empty;

    /// <summary>Checks the URI, so a bad setting fails at start with a message that names the option.</summary>
    /// <returns>The parsed URI.</returns>
    internal MongoUrl ValidateAndPrepare()
    {
        if (string.IsNullOrWhiteSpace(Uri))
        {
            throw new InvalidOperationException(
                $"{nameof(MongoDbStoreOptions)}.{nameof(Uri)} is empty. "
                + "Set it to the deployment to use, e.g. UseMongoDb(\"mongodb://localhost:27017/deepforge?replicaSet=rs0\").");
        }

        try
        {
            return MongoUrl.Create(Uri);
        }
        catch (Exception ex) when (ex is MongoConfigurationException or ArgumentException or FormatException)
        {
            throw new InvalidOperationException(
                $"{nameof(MongoDbStoreOptions)}.{nameof(Uri)} is not a MongoDB URI ({ex.Message}). "
                + "Write it as mongodb://host:27017/database (or mongodb+srv://...).", ex);
        }
    }
}
