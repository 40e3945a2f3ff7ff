namespace DeepForge.Data;

/// <summary>A serializer without its type argument, as the runtime needs it.</summary>
internal interface IValueSerializer
{
    Type DataType { get; }
    void Serialize(object value, Stream stream);
    object Deserialize(Stream stream);
}
