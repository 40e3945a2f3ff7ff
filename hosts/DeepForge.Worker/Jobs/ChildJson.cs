using System.Text;
using System.Text.Json;
using DeepForge.Data;
using DeepForge.Models;
using DeepForge.Runtime;

namespace DeepForge.Worker.Jobs;

/// <summary>
/// The job process's side of the job file, the result file and its plain stdout messages, written and read with System.Text.Json's
/// reader and writer instead of its serializer. Every job process paid for the serializer's metadata of these types (reflection, emitted
/// accessors, and generic code over our types that ReadyToRun cannot compile ahead): tens of milliseconds of CPU, a good part of a
/// NoOp's process. The JSON is the serializer's (<see cref="Json.Options"/>: camelCase, nulls left out), so the worker reads what it
/// always read. A job file with anything this reader does not know (a property, a value of another kind, architectures, extensions)
/// goes to the serializer whole: a field added to <see cref="JobSpec"/> later is never dropped, only read the slower way.
/// </summary>
internal static class ChildJson
{
    /// <summary>A log or ready message as the serializer writes it; one with feedback through the serializer.</summary>
    public static string Message(ChildMessage message)
    {
        if (message.Feedback != null) return Json.Serialize(message);
        return Write(writer =>
        {
            writer.WriteStartObject();
            if (message.Log != null) writer.WriteString("log", message.Log);
            if (message.Ready is { } ready) writer.WriteBoolean("ready", ready);
            writer.WriteEndObject();
        });
    }

    /// <summary>The result file's JSON, as the serializer writes a <see cref="JobOutcome"/> (its <c>succeeded</c> included).</summary>
    public static string Result(JobOutcome outcome) => Write(writer =>
    {
        writer.WriteStartObject();
        if (outcome.Outputs != null)
        {
            writer.WriteStartObject("outputs");
            foreach (var (port, value) in outcome.Outputs)
            {
                writer.WritePropertyName(port);
                WriteValue(writer, value);
            }
            writer.WriteEndObject();
        }
        if (outcome.Error != null) writer.WriteString("error", outcome.Error);
        if (outcome.Details != null) writer.WriteString("details", outcome.Details);
        writer.WriteBoolean("succeeded", outcome.Succeeded);
        writer.WriteEndObject();
    });

    /// <summary>The job file read without the serializer, or null when it holds anything this reader leaves to the serializer.</summary>
    public static ChildJobFile? TryReadJob(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            JobSpec? spec = null;
            string? cache = null;
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "spec": spec = ReadSpec(property.Value); break;
                    case "cacheDirectory" when property.Value.ValueKind == JsonValueKind.String: cache = property.Value.GetString(); break;
                    default: return null;
                }
            }
            return spec == null || cache == null ? null : new ChildJobFile(spec, cache);
        }
        catch (JsonException)
        {
            return null; // the serializer says what is wrong with it
        }
    }

    private static JobSpec? ReadSpec(JsonElement spec)
    {
        if (spec.ValueKind != JsonValueKind.Object) return null;
        string? executionId = null, nodeId = null, operation = null, sourceHash = null, assemblyBlob = null;
        int? attempt = null;
        var attributes = new Dictionary<string, JsonElement>();
        var references = new Dictionary<string, string>();
        var inputs = new Dictionary<string, OutputValue>();
        var labels = new List<string>();
        List<string>? declared = null;
        OutputValue? checkpoint = null;
        foreach (var property in spec.EnumerateObject())
        {
            var value = property.Value;
            var known = property.Name switch
            {
                "executionId" => Text(value, out executionId),
                "nodeId" => Text(value, out nodeId),
                "operation" => Text(value, out operation),
                "sourceHash" => Text(value, out sourceHash),
                "assemblyBlob" => Text(value, out assemblyBlob),
                "attempt" => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var a) && (attempt = a) != null,
                "attributes" => value.ValueKind == JsonValueKind.Object && Each(value, p => attributes[p.Name] = p.Value.Clone()),
                "references" => value.ValueKind == JsonValueKind.Object && Each(value, p => references[p.Name] = p.Value.ValueKind == JsonValueKind.String
                    ? p.Value.GetString()! : throw new JsonException()),
                "inputs" => value.ValueKind == JsonValueKind.Object && Each(value, p => inputs[p.Name] = Output(p.Value) ?? throw new JsonException()),
                "labels" => Strings(value, labels),
                "declaredOutputs" => Strings(value, declared = []),
                "checkpoint" => (checkpoint = Output(value)) != null,
                // Written by the serializer from ExecutionId, NodeId and Attempt; read by nobody.
                "jobId" => value.ValueKind == JsonValueKind.String,
                // Architectures and extensions have shapes of their own: the serializer reads a job that carries some.
                "architectures" or "extensions" => value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0,
                _ => false,
            };
            if (!known) return null;
        }
        if (executionId == null || nodeId == null || operation == null || attempt == null) return null;
        return new JobSpec
        {
            ExecutionId = executionId, NodeId = nodeId, Attempt = attempt.Value, Operation = operation, SourceHash = sourceHash, AssemblyBlob = assemblyBlob,
            Attributes = attributes, References = references, Inputs = inputs, Labels = labels, DeclaredOutputs = declared, Checkpoint = checkpoint,
        };
    }

    private static bool Text(JsonElement value, out string? text)
    {
        text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return text != null;
    }

    private static bool Each(JsonElement value, Action<JsonProperty> add)
    {
        foreach (var property in value.EnumerateObject()) add(property);
        return true;
    }

    private static bool Strings(JsonElement value, List<string> into)
    {
        if (value.ValueKind != JsonValueKind.Array) return false;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) return false;
            into.Add(item.GetString()!);
        }
        return true;
    }

    // An OutputValue written by the serializer: its three properties, no others.
    private static OutputValue? Output(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object) return null;
        string? dataType = null, hash = null;
        long? size = null;
        foreach (var property in value.EnumerateObject())
        {
            var known = property.Name switch
            {
                "dataType" => Text(property.Value, out dataType),
                "hash" => Text(property.Value, out hash),
                "size" => property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt64(out var s) && (size = s) != null,
                _ => false,
            };
            if (!known) return null;
        }
        return dataType == null || hash == null || size == null ? null : new OutputValue(dataType, hash, size.Value);
    }

    private static void WriteValue(Utf8JsonWriter writer, OutputValue value)
    {
        writer.WriteStartObject();
        writer.WriteString("dataType", value.DataType);
        writer.WriteString("hash", value.Hash);
        writer.WriteNumber("size", value.Size);
        writer.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Json.Options.Encoder }))
            write(writer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
