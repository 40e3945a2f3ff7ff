using DeepForge.Designer.Artifacts.Viewing;
using DeepForge.Models;
using DeepForge.Storage;
using Microsoft.Extensions.DependencyInjection;
using static TorchSharp.torch;

namespace DeepForge.Designer.Tests.Artifacts;

/// <summary>What the artifact viewer reads of each kind of artifact, on a real engine with Torch, its store and its blob files.</summary>
public sealed class ArtifactPreviewsTests : IAsyncLifetime
{
    private const string Project = "fm";
    private DesignerTestServer _server = null!;

    private ArtifactPreviews Previews => new(_server.Engine.Artifacts, _server.Services.GetRequiredService<DeepForge.Blobs.IBlobStore>());

    public async Task InitializeAsync()
    {
        _server = await DesignerTestServer.StartAsync();
        await _server.Engine.Projects.CreateAsync(Project, "fashion-mnist");
        DeepForge.Torch.Native.TorchNative.EnsureLoaded();
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Fact]
    public async Task A_small_tensor_shows_its_shape_its_values_and_a_summary()
    {
        using var values = tensor(new float[] { 1, 2, 3, 4, 5, 6 }).reshape(2, 3);
        var saved = await _server.Engine.Artifacts.SaveAsync(Project, "small", values);

        var preview = Assert.IsType<TensorPreview>(await Previews.ReadAsync(saved, CancellationToken.None));

        Assert.Equal(("[2, 3]", "Float32"), (preview.ShapeText, preview.ElementType));
        Assert.Equal(["1", "2", "3", "4", "5", "6"], preview.Values);
        Assert.Equal(new TensorSummary("1", "6", "3.5"), preview.Summary);
    }

    [Fact]
    public async Task A_larger_tensor_shows_its_shape_and_summary_but_not_its_values()
    {
        using var values = arange(400, dtype: ScalarType.Int64).reshape(20, 20);
        var saved = await _server.Engine.Artifacts.SaveAsync(Project, "larger", values);

        var preview = Assert.IsType<TensorPreview>(await Previews.ReadAsync(saved, CancellationToken.None));

        Assert.Equal(("[20, 20]", "Int64"), (preview.ShapeText, preview.ElementType));
        Assert.Null(preview.Values);
        Assert.Equal(new TensorSummary("0", "399", "199.5"), preview.Summary);
    }

    [Fact]
    public async Task An_array_is_a_list_of_its_items()
    {
        var saved = await _server.Engine.Artifacts.SaveAsync(Project, "numbers", new[] { 1.5, 1.2000000000000002, -3.0 });

        var preview = Assert.IsType<ListPreview>(await Previews.ReadAsync(saved, CancellationToken.None));

        Assert.Equal(["1.5", "1.2", "-3"], preview.Items);
        Assert.Equal(3, preview.Total);
    }

    [Fact]
    public async Task An_artifact_over_the_size_limit_is_refused_without_being_read()
    {
        // Its blob does not exist: reading it would fail with another message.
        var big = new ArtifactRecord { Id = "big", Project = Project, Name = "big", DataType = typeof(double[]).FullName!, Hash = new string('a', 64), Size = ArtifactPreviews.SizeLimit + 1 };

        var preview = Assert.IsType<NotShownPreview>(await Previews.ReadAsync(big, CancellationToken.None));

        Assert.Equal("At 4.0 MB it is larger than the viewer reads (4.0 MB): download it to look at it.", preview.Reason);
    }

    [Fact]
    public async Task A_model_is_not_shown_and_the_reason_says_to_download_or_export_it()
    {
        var saved = await ExportBrowserTests.SaveModelAsync(_server, Project, "myModel");

        var preview = Assert.IsType<NotShownPreview>(await Previews.ReadAsync(saved, CancellationToken.None));

        Assert.Equal("A Model has no view here: download it (or export it, for a model).", preview.Reason);
    }

    [Fact]
    public async Task Bytes_that_are_not_of_the_stored_data_type_are_refused_with_one_line_naming_the_type()
    {
        var numbers = await _server.Engine.Artifacts.SaveAsync(Project, "numbers", new[] { 1.0 });
        var mislabelled = new ArtifactRecord
        {
            Id = "mislabelled", Project = Project, Name = "mislabelled", DataType = typeof(Tensor).FullName!, Hash = numbers.Hash, Size = numbers.Size,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await _server.Services.GetRequiredService<DeepForgeStore>().Artifacts.PutAsync(mislabelled.Id, Project, mislabelled, 0, CancellationToken.None);

        var preview = Assert.IsType<NotShownPreview>(await Previews.ReadAsync(mislabelled, CancellationToken.None));

        Assert.StartsWith("It could not be read as Tensor: ", preview.Reason);
        Assert.DoesNotContain("\n", preview.Reason);
        Assert.DoesNotContain("   at ", preview.Reason);
    }

    [Theory]
    [InlineData("png", "image")]
    [InlineData("text", "text")]
    [InlineData("binary", "not-shown")]
    public async Task An_uploaded_file_is_shown_as_an_image_when_it_is_a_PNG_and_as_text_when_it_is_text(string content, string shown)
    {
        var path = Path.Combine(_server.Directory, $"upload-{content}");
        byte[] bytes = content switch
        {
            "png" => new DeepForge.Feedback.ImageData(1, 1, 1, [128]).ToPng(),
            "text" => "label,score\nT-shirt,0.91\n"u8.ToArray(),
            _ => [0, 1, 2, 255, 0, 7],
        };
        await File.WriteAllBytesAsync(path, bytes);
        var saved = await _server.Engine.Artifacts.UploadFileAsync(Project, $"file-{content}", path);

        var preview = await Previews.ReadAsync(saved, CancellationToken.None);

        Assert.Equal(shown, preview switch { ImagePreview => "image", TextPreview => "text", NotShownPreview => "not-shown", _ => preview.GetType().Name });
        if (preview is ImagePreview image) Assert.Equal(bytes, image.Png);
        if (preview is TextPreview text) Assert.Equal("label,score\nT-shirt,0.91\n", text.Text);
    }
}
