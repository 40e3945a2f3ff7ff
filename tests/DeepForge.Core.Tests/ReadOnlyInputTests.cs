using System.Security.Cryptography;
using DeepForge.Models;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests;

public sealed class ReadOnlyInputTests
{
    /// <summary>An operation that tries to overwrite, then delete, the file it was given, and says what it managed.</summary>
    public const string Scribbler = """
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

    internal static ProjectDefinition Project() => new()
    {
        Name = "test",
        Sources = [TestOperations.File, new SourceFile("ops/Scribble.cs", Scribbler)],
        Pipelines =
        [
            Pipeline("scribble").Input("in", "data").Op("scribble", "Scribble").Output("out", "outcome")
                .Wire("in.data", "scribble.file").Wire("scribble.outcome", "out.data"),
        ],
    };

    [Fact]
    public async Task Operation_WritingToAndDeletingItsInputFile_LeavesTheStoredBlobWhole()
    {
        await using var df = TestEngine.Create();
        await df.Engine.Projects.SaveAsync(Project());
        var content = new byte[200_000];
        new Random(1).NextBytes(content);
        await File.WriteAllBytesAsync(df.PathOf("data.bin"), content);
        var artifact = await df.Engine.Artifacts.UploadFileAsync("test", "data", df.PathOf("data.bin"));

        var execution = await df.Engine.Executions.RunAsync("test", "scribble");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        var blob = df.Blobs.LocalPath(artifact.Hash);
        Assert.NotNull(blob);
        Assert.Equal(artifact.Hash, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(blob))));
        await using var restarted = df.Reopen(); // reads the blob as a new process would, hashing it
        await using var stream = await restarted.Blobs.OpenReadAsync(artifact.Hash);
        Assert.Equal(content.Length, stream.Length);
    }

    [Fact]
    public async Task Operation_ReadingADamagedInput_FailsSayingTheBlobIsDamaged()
    {
        await using var df = TestEngine.Create();
        await df.Engine.Projects.SaveAsync(Project());
        var content = new byte[200_000];
        new Random(2).NextBytes(content);
        await File.WriteAllBytesAsync(df.PathOf("data.bin"), content);
        var artifact = await df.Engine.Artifacts.UploadFileAsync("test", "data", df.PathOf("data.bin"));
        var blob = df.Blobs.LocalPath(artifact.Hash)!;
        content[500] ^= 0xff;
        File.Delete(blob);
        await File.WriteAllBytesAsync(blob, content); // other bytes under the blob's name
        await using var restarted = df.Reopen();

        var execution = await restarted.Engine.Executions.RunAsync("test", "scribble");

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        var node = await restarted.NodeAsync(execution.Id, "scribble");
        Assert.Contains($"blob {artifact.Hash} is damaged: its bytes hash to {Convert.ToHexStringLower(SHA256.HashData(content))}", node.Error);
    }
}
