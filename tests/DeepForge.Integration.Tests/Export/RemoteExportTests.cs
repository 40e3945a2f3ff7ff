using DeepForge.Integration.Tests.Distributed;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Export;

/// <summary><c>deepforge artifacts export --server</c>: the server exports through its REST route, and the command writes what it sent.</summary>
[Collection(DistributedCollection.Name)]
public sealed class RemoteExportTests : IDisposable
{
    private readonly Cluster _cluster = new();

    [FashionMnistFact]
    public async Task ExportWithServer_WritesTheSameOnnxFileAsALocalExport_AndRefusesAsLocally()
    {
        var server = _cluster.Server;
        CliAssert.Succeeded(server.Run("new", "fm", "--seed", "fashion-mnist"));
        CliAssert.Succeeded(server.Run("run", "fm", "download-normalize", "--set", "download.trainLimit=200", "--set", "download.testLimit=50"));
        CliAssert.Succeeded(server.Run("run", "fm", "train", "--set", "train.epochs=1"));
        var local = _cluster.Temp["local.onnx"];
        CliAssert.Succeeded(server.Run("artifacts", "export", "fm", "myModel", "--format", "onnx", "-o", local));
        await _cluster.StartServerAsync();
        var folder = Directory.CreateDirectory(_cluster.Temp["remote"]).FullName;

        var exported = CliAssert.Succeeded(server.Run("artifacts", "export", "fm", "myModel", "--format", "onnx", "--server", _cluster.Url, "-o", folder));

        var remote = Path.Combine(folder, "myModel.onnx");
        Assert.Contains($"to {remote}", exported.Stdout);
        Assert.Equal(File.ReadAllBytes(local), File.ReadAllBytes(remote));
        OneLineError.Assert(server.Run("artifacts", "export", "fm", "classes", "--format", "onnx", "--server", _cluster.Url, "-o", folder), 2,
            "artifact 'classes' is a String[], which cannot be exported as onnx; no format exports it");
        Assert.Equal([remote], Directory.GetFiles(folder));
    }

    public void Dispose() => _cluster.Dispose();
}
