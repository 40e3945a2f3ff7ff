namespace DeepForge.Integration.Tests.Infrastructure;

/// <summary>A seed laid out as the seeds in the repository are: seed.json, pipelines/*.json and C# sources under operations/.</summary>
internal sealed class SeedFolder
{
    public SeedFolder(string path, string description = "A seed written by an integration test")
    {
        Path = path;
        Directory.CreateDirectory(System.IO.Path.Combine(path, "pipelines"));
        Directory.CreateDirectory(System.IO.Path.Combine(path, "operations"));
        File.WriteAllText(System.IO.Path.Combine(path, "seed.json"), $$"""{ "description": "{{description}}" }""");
    }

    /// <summary>The folder; <c>deepforge new &lt;project&gt; --seed &lt;Path&gt;</c> makes a project of it.</summary>
    public string Path { get; }

    public SeedFolder WithOperations(string fileName, string source)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, "operations", fileName), source);
        return this;
    }

    public SeedFolder WithPipeline(PipelineJson pipeline)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, "pipelines", pipeline.Name + ".json"), pipeline.ToJson());
        return this;
    }
}
