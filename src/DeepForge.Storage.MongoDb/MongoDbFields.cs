namespace DeepForge.Storage.MongoDb;

/// <summary>The field names of the stored documents, short because every document carries them.</summary>
internal static class MongoDbFields
{
    public const string Documents = "documents";
    public const string Streams = "streams";

    public const string Collection = "c";
    public const string Id = "i";
    public const string Partition = "p";
    public const string VersionField = "v";
    public const string Json = "j";

    public const string StreamName = "s";
    public const string Sequence = "q";
    public const string Text = "t";
}
