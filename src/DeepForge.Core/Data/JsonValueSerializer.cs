using System.Text.Json;

namespace DeepForge.Data;

/// <summary>Plain values (numbers, strings, arrays, records) are stored as JSON.</summary>
internal sealed class JsonValueSerializer(Type dataType) : IValueSerializer
{
    public Type DataType => dataType;
    public void Serialize(object value, Stream stream) => JsonSerializer.Serialize(stream, value, dataType, Json.For(dataType));
    public object Deserialize(Stream stream) =>
        JsonSerializer.Deserialize(stream, dataType, Json.For(dataType)) ?? throw new InvalidDataException($"stored {dataType.Name} is null");
}
