namespace DeepForge.Operations;

/// <summary>Stores values of a data type: how a type chooses to be saved and read back.</summary>
/// <typeparam name="T">The data type; a serializer also serves the type's subclasses unless they have their own.</typeparam>
public interface IDataSerializer<T>
{
    /// <summary>Writes the value.</summary>
    void Serialize(T value, Stream stream);

    /// <summary>Reads a value written by <see cref="Serialize"/>.</summary>
    T Deserialize(Stream stream);
}
