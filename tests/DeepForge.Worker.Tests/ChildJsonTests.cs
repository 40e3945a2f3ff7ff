using System.Text.Json;
using DeepForge.Data;
using DeepForge.Extensions;
using DeepForge.Models;
using DeepForge.Runtime;
using DeepForge.Worker.Jobs;
using DeepForge.Worker.Tests.Infrastructure;

namespace DeepForge.Worker.Tests;

/// <summary>
/// The job process's reader and writer of its files (<see cref="ChildJson"/>) against the serializer the worker uses: the same JSON
/// out, the same job in, and the serializer's way for a job file with anything the reader does not know.
/// </summary>
public sealed class ChildJsonTests
{
    private static readonly OutputValue Value = new("System.Int32", new string('a', 64), 12);

    private static JobSpec PlainJob() => new()
    {
        ExecutionId = "e1", NodeId = "n1", Attempt = 2, Operation = "NoOp", SourceHash = "s", AssemblyBlob = "b",
        Attributes = { ["id"] = JsonSerializer.SerializeToElement(3), ["name"] = JsonSerializer.SerializeToElement("ä \"x\" <b>"), ["list"] = JsonSerializer.SerializeToElement(new[] { 1.5, 2 }) },
        References = { ["model"] = "LeNet" }, Inputs = { ["value"] = Value }, Labels = ["gpu"], DeclaredOutputs = ["value"], Checkpoint = Value,
    };

    [Fact]
    public void APlainJobFile_IsReadWithoutTheSerializer_AsTheSerializerReadsIt()
    {
        var json = Json.Serialize(new ChildJobFile(PlainJob(), "/cache"));

        var read = ChildJson.TryReadJob(json);

        Assert.NotNull(read);
        Assert.Equal(json, Json.Serialize(read));
        Assert.Equal(json, Json.Serialize(Json.Deserialize<ChildJobFile>(json)));
    }

    [Fact]
    public void AJobFileWithoutDeclaredOutputs_KeepsThemNull()
    {
        var job = PlainJob() with { DeclaredOutputs = null, Checkpoint = null, SourceHash = null, AssemblyBlob = null };

        var read = ChildJson.TryReadJob(Json.Serialize(new ChildJobFile(job, "/cache")));

        Assert.NotNull(read);
        Assert.Null(read.Spec.DeclaredOutputs);
        Assert.Null(read.Spec.Checkpoint);
        Assert.Equal(Json.Serialize(new ChildJobFile(job, "/cache")), Json.Serialize(read));
    }

    [Fact]
    public void AJobFileWithArchitecturesExtensionsOrAnUnknownProperty_IsLeftToTheSerializer()
    {
        var withArchitecture = PlainJob() with { Architectures = [new ArchitectureDefinition { Name = "LeNet" }] };
        var withExtension = PlainJob() with { Extensions = [new JobExtension { Id = "x", Version = "1.0.0", Blob = new string('b', 64) }] };

        Assert.Null(ChildJson.TryReadJob(Json.Serialize(new ChildJobFile(withArchitecture, "/cache"))));
        Assert.Null(ChildJson.TryReadJob(Json.Serialize(new ChildJobFile(withExtension, "/cache"))));
        Assert.Null(ChildJson.TryReadJob(Json.Serialize(new ChildJobFile(PlainJob(), "/cache")).Replace("\"nodeId\"", "\"NodeId\"", StringComparison.Ordinal)));
        Assert.Null(ChildJson.TryReadJob(Json.Serialize(new ChildJobFile(PlainJob(), "/cache")).Replace("\"attempt\":2", "\"attempt\":\"2\"", StringComparison.Ordinal)));
        Assert.Null(ChildJson.TryReadJob("{\"spec\":{},\"cacheDirectory\":\"/cache\",\"more\":1}"));
        Assert.Null(ChildJson.TryReadJob("not json"));
    }

    [Fact]
    public void AJobFileTheReaderLeaves_IsStillReadByChildProtocol()
    {
        using var folder = new TempFolder();
        var job = PlainJob() with { Architectures = [new ArchitectureDefinition { Name = "LeNet" }] };
        ChildProtocol.WriteJob(folder.Path, new ChildJobFile(job, "/cache"));

        var read = ChildProtocol.ReadJob(folder.Path);

        Assert.Equal("LeNet", Assert.Single(read.Spec.Architectures).Name);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheResult_IsWrittenAsTheSerializerWritesIt(bool succeeded)
    {
        var outcome = succeeded
            ? JobOutcome.Success(new Dictionary<string, OutputValue> { ["value"] = Value, ["other"] = Value with { Size = 0 } })
            : JobOutcome.Failure("operation 'x' failed: \"boom\" é", "at X.Y()\n  at <Z>");

        Assert.Equal(Json.Serialize(outcome), ChildJson.Result(outcome));
    }

    [Fact]
    public void LogAndReadyMessages_AreWrittenAsTheSerializerWritesThem()
    {
        foreach (var message in new[] { new ChildMessage(Log: "line \"one\"\n\tä <tag> \u0001"), new ChildMessage(Ready: true), new ChildMessage() })
            Assert.Equal(Json.Serialize(message), ChildJson.Message(message));
    }
}
