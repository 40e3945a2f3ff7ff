using System.Security.Cryptography;
using DeepForge.Models;
using DeepForge.Worker.Tests.Infrastructure;

namespace DeepForge.Worker.Tests;

/// <summary>An operation on a worker cannot change the blob of its input, not even when the worker's cache links the server's blob files.</summary>
public sealed class ReadOnlyInputTests
{
    private const string Scribbler = """
        namespace TestOps;

        public sealed class Scribble : Operation
        {
            [return: Output("outcome")]
            public string Execute(DeepForge.Data.DataFile file)
            {
                var outcome = "";
                try { File.WriteAllText(file.Path, "scribbled over"); outcome += "wrote;"; }
                catch (UnauthorizedAccessException) { outcome += "write refused;"; }
                try { File.Delete(file.Path); outcome += "deleted"; }
                catch (UnauthorizedAccessException) { outcome += "delete refused"; }
                return outcome;
            }
        }
        """;

    private static ProjectDefinition Project() => new()
    {
        Name = "p",
        Sources = [.. WorkerTestOps.Sources, new SourceFile("ops/Scribble.cs", Scribbler)],
        Pipelines =
        [
            new PipelineDefinition
            {
                Name = "scribble",
                Nodes =
                [
                    new PipelineNode { Id = "in", Kind = NodeKind.Input, Artifact = "data" },
                    new PipelineNode { Id = "scribble", Kind = NodeKind.Operation, Operation = "Scribble" },
                    new PipelineNode { Id = "out", Kind = NodeKind.Output, Artifact = "outcome" },
                ],
                Connections = [new Connection("in.data", "scribble.file"), new Connection("scribble.outcome", "out.data")],
            },
        ],
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_operation_writing_to_its_input_file_leaves_the_servers_blob_and_the_cache_whole(bool useBlob)
    {
        using var folder = new TempFolder();
        await using var server = await ServerHost.StartAsync(folder["server"]);
        await using var worker = await AgentHost.StartAsync(server.Url, folder["worker"], w => (w.UseBlob, w.ServerBlobDirectory) = (useBlob, server.BlobDirectory));
        await server.Engine.Projects.SaveAsync(Project());
        var content = new byte[300_000];
        new Random(5).NextBytes(content);
        var file = Path.Combine(folder["upload"], "data.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, content);
        var artifact = await server.Engine.Artifacts.UploadFileAsync("p", "data", file);

        var execution = await server.WaitForEndAsync(await server.StartExecutionAsync("p", "scribble"));

        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{execution.Status}: {execution.Error}\n{worker.Logs.Dump()}");
        var how = worker.Logs.Lines.Single(l => l.Message.StartsWith($"Blob {artifact.Hash}", StringComparison.Ordinal)).Message;
        Assert.Contains(useBlob ? "(HardLink)" : "downloaded into the cache", how);
        var serverBlob = Path.Combine(server.BlobDirectory, artifact.Hash[..2], artifact.Hash);
        Assert.Equal(artifact.Hash, HashOf(serverBlob));
        var cached = Directory.EnumerateFiles(folder["worker"], artifact.Hash, SearchOption.AllDirectories)
            .Where(p => Path.GetFileName(Path.GetDirectoryName(p)) == artifact.Hash[..2]).ToList();
        Assert.NotEmpty(cached);
        Assert.All(cached, p => Assert.Equal(artifact.Hash, HashOf(p)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_job_whose_input_blob_is_damaged_on_the_server_fails_saying_so(bool useBlob)
    {
        using var folder = new TempFolder();
        await using var server = await ServerHost.StartAsync(folder["server"]);
        await using var worker = await AgentHost.StartAsync(server.Url, folder["worker"], w => (w.UseBlob, w.ServerBlobDirectory) = (useBlob, server.BlobDirectory));
        await server.Engine.Projects.SaveAsync(Project());
        var content = new byte[300_000];
        new Random(6).NextBytes(content);
        var file = Path.Combine(folder["upload"], "data.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, content);
        var artifact = await server.Engine.Artifacts.UploadFileAsync("p", "data", file);
        var serverBlob = Path.Combine(server.BlobDirectory, artifact.Hash[..2], artifact.Hash);
        content[700] ^= 0xff;
        File.Delete(serverBlob);
        await File.WriteAllBytesAsync(serverBlob, content); // other bytes under the blob's name, as a disk fault leaves them

        var execution = await server.WaitForEndAsync(await server.StartExecutionAsync("p", "scribble"));

        Assert.True(execution.Status == ExecutionStatus.Failed, $"{execution.Status}: {execution.Error}\n{worker.Logs.Dump()}");
        var node = (await server.Engine.Executions.NodesAsync(execution.Id)).Single(n => n.NodeId == "scribble");
        Assert.Contains($"blob {artifact.Hash} is damaged: its bytes hash to {Convert.ToHexStringLower(SHA256.HashData(content))}", node.Error);
    }

    private static string HashOf(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
