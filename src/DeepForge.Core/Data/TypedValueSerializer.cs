using DeepForge.Operations;

namespace DeepForge.Data;

/// <summary>Adapts an <see cref="IDataSerializer{T}"/> to <see cref="IValueSerializer"/>.</summary>
internal sealed class TypedValueSerializer<T>(IDataSerializer<T> inner) : IValueSerializer where T : notnull
{
    public Type DataType => typeof(T);
    public void Serialize(object value, Stream stream) => inner.Serialize((T)value, stream);
    public object Deserialize(Stream stream) => inner.Deserialize(stream);
}
