using MongoDB.Bson;
using MongoDB.Driver;
using static DeepForge.Storage.MongoDb.MongoDbFields;

namespace DeepForge.Storage.MongoDb;

/// <summary>The indexes the store relies on; creating an index that exists is a no-op, so two processes may both do it.</summary>
internal static class MongoDbIndexes
{
    public static async Task CreateAsync(IMongoCollection<BsonDocument> documents, IMongoCollection<BsonDocument> streams, CancellationToken cancellationToken)
    {
        // Unique (collection, id): the compare-and-set insert relies on the duplicate key error.
        await documents.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<BsonDocument>(
                Builders<BsonDocument>.IndexKeys.Ascending(Collection).Ascending(Id), new CreateIndexOptions { Unique = true, Name = "by_id" }),
            // Queued jobs and a project's executions are one range of this index.
            new CreateIndexModel<BsonDocument>(
                Builders<BsonDocument>.IndexKeys.Ascending(Collection).Ascending(Partition).Ascending(Id), new CreateIndexOptions { Name = "by_partition" }),
        ], cancellationToken).ConfigureAwait(false);

        // Unique (stream, sequence): two appenders cannot take the same number.
        await streams.Indexes.CreateOneAsync(
            new CreateIndexModel<BsonDocument>(
                Builders<BsonDocument>.IndexKeys.Ascending(StreamName).Ascending(Sequence), new CreateIndexOptions { Unique = true, Name = "by_sequence" }),
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
