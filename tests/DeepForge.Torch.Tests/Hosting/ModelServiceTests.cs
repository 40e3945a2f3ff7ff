using DeepForge.Hosting;
using DeepForge.Torch.Hosting;
using DeepForge.Torch.Native;
using DeepForge.Torch.Tests.Export;
using Microsoft.Extensions.DependencyInjection;
using static DeepForge.Torch.Tests.TestArchitectures;
using static TorchSharp.torch;

namespace DeepForge.Torch.Tests.Hosting;

using Model = DeepForge.Torch.Data.Model;

// forge.Models on a real engine (SQLite and blob files in a temporary folder), as an app that embeds DeepForge uses it.
public sealed class ModelServiceTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("deepforge-models-").FullName;
    private ServiceProvider _services = null!;
    private DeepForgeEngine _forge = null!;

    static ModelServiceTests() => TorchNative.EnsureLoaded();

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddDeepForge(df => df.UseDataDirectory(_folder).UseSqlite(Path.Combine(_folder, "deepforge.db"))
                .AddSeedDirectory(RepositoryFiles.Path("seeds")).AddTorch())
            .BuildServiceProvider();
        _forge = _services.GetRequiredService<DeepForgeEngine>();
        await _forge.Projects.CreateAsync("p", "blank");
    }

    [Fact]
    public async Task LoadAsync_GivesAPredictorThatComputesWhatTheSavedNetworkDid()
    {
        using var saved = new Model(Of(Lenet()));
        saved.Module.eval();
        using var images = randn(5, 3, 32, 32);
        using var expected = saved.Forward(images);
        await _forge.Artifacts.SaveAsync("p", "lenet", saved);

        using var predictor = await _forge.Models.LoadAsync("p", "lenet");
        using var actual = predictor.Predict(images);

        Assert.True(actual.allclose(expected, rtol: 0, atol: 1e-6));
        Assert.Equal(expected.argmax(1).data<long>().ToArray(), predictor.Classify(images));
    }

    [Fact]
    public async Task LoadAsync_IsRefused_WhenTheArtifactIsNoModel()
    {
        await _forge.Artifacts.SaveAsync("p", "numbers", new[] { 1.0, 2.0 });

        var error = await Assert.ThrowsAsync<DeepForgeException>(() => _forge.Models.LoadAsync("p", "numbers"));

        Assert.Equal("artifact 'numbers' of project 'p' is a Double[], not a Model; load a Model artifact (a Train operation's output)", error.Message);
    }

    [Fact]
    public async Task LoadAsync_IsRefused_WhenTheProjectHasNoSuchArtifact()
    {
        var error = await Assert.ThrowsAsync<DeepForgeException>(() => _forge.Models.LoadAsync("p", "missing"));

        Assert.Equal("project 'p' has no artifact 'missing'", error.Message);
    }

    [Fact]
    public async Task Predict_IsRefusedNamingTheLayer_WhenTheImagesDoNotFitTheNetwork()
    {
        await _forge.Artifacts.SaveAsync("p", "lenet", new Model(Of(Lenet())));
        using var predictor = await _forge.Models.LoadAsync("p", "lenet");
        using var wrong = randn(2, 1, 28, 28);

        var error = Assert.Throws<DeepForgeException>(() => predictor.Predict(wrong));

        Assert.StartsWith("layer 'conv1' (Conv2d) failed on input shape [2, 1, 28, 28]", error.Message);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
