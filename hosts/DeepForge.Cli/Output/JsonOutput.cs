using System.Text.Json;
using DeepForge.Data;

namespace DeepForge.Cli.Output;

/// <summary>Machine-readable output: one JSON document per line, written as the server and the store write it.</summary>
internal static class JsonOutput
{
    public static void Print<T>(T value) => Console.WriteLine(JsonSerializer.Serialize(value, Json.Options));
}
