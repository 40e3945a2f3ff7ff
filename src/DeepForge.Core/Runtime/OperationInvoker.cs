using System.Reflection;
using System.Runtime.CompilerServices;
using DeepForge.Blobs;
using DeepForge.Catalog;
using DeepForge.Data;
using DeepForge.Feedback;
using DeepForge.Models;
using DeepForge.Operations;

namespace DeepForge.Runtime;

/// <summary>Runs one operation: builds it from attributes and references, reads its inputs, calls Execute, stores its outputs.</summary>
internal sealed class OperationInvoker(OperationCatalog catalog, IBlobStore blobs)
{
    public async Task<IReadOnlyDictionary<string, OutputValue>> InvokeAsync(JobSpec job, IFeedbackSink sink, string workDirectory, CancellationToken cancellationToken)
    {
        var operation = catalog.Find(job.Operation)
            ?? throw new DeepForgeException($"node '{job.NodeId}'", $"node '{job.NodeId}': unknown operation '{job.Operation}'");
        var values = new List<object?>();
        try
        {
            // Not wrapped in a TargetInvocationException: what the operation's code throws keeps its own stack.
            var instance = operation.Constructor.Invoke(BindingFlags.DoNotWrapExceptions, null, ConstructorArguments(operation, job), null);
            values.Add(instance);
            await using var checkpoints = await JobCheckpoints.OpenAsync(blobs, catalog, job.Checkpoint, sink, cancellationToken);
            var log = new SinkWriter(checkpoints.Sink);
            var context = new OperationContext(checkpoints.Sink, log, device: null, workDirectory, cancellationToken) { Checkpoints = checkpoints };
            var arguments = await InputArgumentsAsync(operation, job, context, values, Path.Combine(workDirectory, "inputs"), cancellationToken);
            var result = await ComputeThreads.Shared.Run(() => CallAsync(operation, instance, arguments, log), cancellationToken).Unwrap();
            await checkpoints.FlushAsync(); // stored before the job reports its outputs
            return await StoreOutputsAsync(operation, job, result, values, cancellationToken);
        }
        finally
        {
            foreach (var value in values) (value as IDisposable)?.Dispose();
        }
    }

    private object?[] ConstructorArguments(OperationType operation, JobSpec job) =>
        operation.Constructor.GetParameters().Select(p => ConstructorArgument(p, job)).ToArray();

    private object? ConstructorArgument(ParameterInfo parameter, JobSpec job)
    {
        var location = $"node '{job.NodeId}' attribute '{parameter.Name}'";
        if (parameter.ParameterType != typeof(Architecture))
            return AttributeValues.Convert(parameter, job.Attributes.TryGetValue(parameter.Name!, out var v) ? v : null, location);
        var library = job.Architectures.ToDictionary(a => a.Name);
        if (!job.References.TryGetValue(parameter.Name!, out var name) || !library.TryGetValue(name, out var definition))
            throw new DeepForgeException($"node '{job.NodeId}' reference '{parameter.Name}'", $"node '{job.NodeId}' reference '{parameter.Name}' names no architecture of the project");
        return new Architecture(definition, library, catalog.Assemblies);
    }

    private async Task<object?[]> InputArgumentsAsync(OperationType operation, JobSpec job, OperationContext context, List<object?> values, string inputFolder,
        CancellationToken cancellationToken)
    {
        var inputs = operation.Descriptor.Inputs;
        var next = 0;
        var arguments = new List<object?>();
        foreach (var p in operation.Execute.GetParameters())
        {
            if (p.ParameterType == typeof(OperationContext) || p.ParameterType == typeof(CancellationToken))
            {
                arguments.Add(p.ParameterType == typeof(CancellationToken) ? context.CancellationToken : context);
                continue;
            }
            var port = inputs[next++];
            if (!job.Inputs.TryGetValue(port.Name, out var input))
            {
                arguments.Add(p.HasDefaultValue ? p.DefaultValue : null);
                continue;
            }
            var value = await ReadValueAsync(input, p.ParameterType, Path.Combine(inputFolder, port.Name), cancellationToken);
            values.Add(value);
            arguments.Add(value);
        }
        return arguments.ToArray();
    }

    private async Task<object> ReadValueAsync(OutputValue input, Type parameterType, string inputFolder, CancellationToken cancellationToken)
    {
        var stored = catalog.ResolveType(input.DataType);
        var type = stored != null && parameterType.IsAssignableFrom(stored) ? stored : parameterType;
        // A file as data: the operation gets a path, and must not be able to change the stored blob through it.
        if (type == typeof(DataFile))
        {
            await using var stream = await blobs.OpenReadAsync(input.Hash, cancellationToken); // checks the blob's bytes against its name
            return new DataFile(stream is FileStream file ? ReadOnlyInputs.ViewOf(file.Name, inputFolder, input.Hash) : ReadOnlyInputs.CopyOf(stream, inputFolder, input.Hash));
        }
        // Checked against its name as it is read: one pass over the bytes, straight into the value.
        var serializer = catalog.Serializers.For(type);
        return await CheckedBlobReads.ReadAsync(blobs, input.Hash, serializer.Deserialize, cancellationToken);
    }

    private static async Task<object?> CallAsync(OperationType operation, object instance, object?[] arguments, TextWriter log)
    {
        using var _ = ConsoleCapture.Route(log);
        var result = operation.Execute.Invoke(instance, BindingFlags.DoNotWrapExceptions, null, arguments, null);
        switch (result)
        {
            case Task task:
                await task;
                return ResultOf(task);
            case ValueTask valueTask:
                await valueTask;
                return null;
            case not null when result.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ValueTask<>):
                // ValueTask<T> is not a ValueTask: without this its boxed struct, not its result, would be stored as the output.
                var asTask = (Task)type.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(result, null)!;
                await asTask;
                return asTask.GetType().GetProperty(nameof(Task<int>.Result))!.GetValue(asTask);
            default:
                return result;
        }
    }

    // An "async Task" method's task is a Task<VoidTaskResult> at run time: it has a Result, but not one the operation returned.
    private static object? ResultOf(Task task)
    {
        for (var type = task.GetType(); type != null && type != typeof(Task); type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
                return type.GetGenericArguments()[0].FullName == "System.Threading.Tasks.VoidTaskResult" ? null : type.GetProperty(nameof(Task<int>.Result))!.GetValue(task);
        }
        return null;
    }

    private async Task<IReadOnlyDictionary<string, OutputValue>> StoreOutputsAsync(
        OperationType operation, JobSpec job, object? result, List<object?> values, CancellationToken cancellationToken)
    {
        var outputs = operation.Descriptor.Outputs;
        var results = outputs.Count == 1 ? [result] : ((ITuple?)result) is { } tuple ? Enumerable.Range(0, tuple.Length).Select(i => tuple[i]).ToArray() : [];
        var stored = new Dictionary<string, OutputValue>();
        for (var i = 0; i < outputs.Count; i++)
        {
            var value = results.ElementAtOrDefault(i)
                ?? throw new DeepForgeException($"node '{job.NodeId}' output '{outputs[i].Name}'", $"operation '{operation.Name}' returned null for output '{outputs[i].Name}'");
            values.Add(value);
            stored[outputs[i].Name] = await WriteValueAsync(value, cancellationToken);
        }
        return stored;
    }

    private async Task<OutputValue> WriteValueAsync(object value, CancellationToken cancellationToken)
    {
        var type = value.GetType();
        var serializer = catalog.Serializers.For(type);
        var blob = await blobs.WriteAsync((stream, _) => { serializer.Serialize(value, stream); return Task.CompletedTask; }, cancellationToken);
        return new OutputValue(DataTypeNames.Of(type), blob.Hash, blob.Size);
    }
}
