using DeepForge.Operations;

namespace My.Extension;

/// <summary>A data type: what operations pass to each other and what artifacts hold.</summary>
public sealed record My_ExtensionData(string Message, double[] Values);

/// <summary>How <see cref="My_ExtensionData"/> is stored: found in the extension's assembly by its interface.</summary>
public sealed class My_ExtensionDataSerializer : IDataSerializer<My_ExtensionData>
{
    public void Serialize(My_ExtensionData value, Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(value.Message);
        writer.Write(value.Values.Length);
        foreach (var v in value.Values) writer.Write(v);
    }

    public My_ExtensionData Deserialize(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        var message = reader.ReadString();
        var values = new double[reader.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = reader.ReadDouble();
        return new My_ExtensionData(message, values);
    }
}
