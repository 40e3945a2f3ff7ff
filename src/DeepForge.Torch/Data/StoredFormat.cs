using System.Runtime.InteropServices;
using System.Text;

namespace DeepForge.Torch.Data;

/// <summary>What the serializers share: a magic header naming the format, and errors that say which value could not be read.</summary>
internal static class StoredFormat
{
    public static BinaryWriter Writer(Stream stream) => new(stream, Encoding.UTF8, leaveOpen: true);

    public static BinaryReader Reader(Stream stream) => new(stream, Encoding.UTF8, leaveOpen: true);

    public static void WriteMagic(BinaryWriter writer, string magic) => writer.Write(Encoding.ASCII.GetBytes(magic));

    public static void ExpectMagic(BinaryReader reader, string magic, string what)
    {
        var expected = Encoding.ASCII.GetBytes(magic);
        var actual = reader.ReadBytes(expected.Length);
        if (!actual.AsSpan().SequenceEqual(expected))
            throw new DeepForgeException($"stored {what}", $"stored {what} is not in DeepForge's {what} format (it does not start with '{magic}')");
    }

    /// <summary>Runs a read, turning truncated, corrupt or refused data into an error naming what was being read.</summary>
    public static T Read<T>(string what, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException or ExternalException or ArgumentException)
        {
            throw new DeepForgeException($"stored {what}", $"stored {what} could not be read: {TorchErrors.Describe(e)}", e);
        }
    }
}
