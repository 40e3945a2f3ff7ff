using MongoDB.Driver;

namespace DeepForge.Storage.Tests.MongoDb;

internal static class MongoTestUri
{
    /// <summary>The same deployment and options, with the database set to <paramref name="database"/>.</summary>
    public static string WithDatabase(string uri, string database) =>
        new MongoUrlBuilder(uri) { DatabaseName = database }.ToString();
}
