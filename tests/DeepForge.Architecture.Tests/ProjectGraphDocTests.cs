namespace DeepForge.Architecture.Tests;

/// <summary>docs/architecture.md opens with the project graph, and it is the graph the project files make.</summary>
public sealed class ProjectGraphDocTests
{
    private const string Rewrite = "DEEPFORGE_UPDATE_DOCS";

    [Fact]
    public void The_architecture_page_shows_the_graph_the_project_files_make()
    {
        var repo = Repository.Load();
        var page = Path.Combine(repo.Root, "docs", "architecture.md");
        var text = File.ReadAllText(page);
        var (start, end) = (text.IndexOf(ProjectGraph.Start, StringComparison.Ordinal), text.IndexOf(ProjectGraph.End, StringComparison.Ordinal));
        Assert.True(start >= 0 && end > start, $"{page} has no project graph between its markers");
        var shown = text[start..(end + ProjectGraph.End.Length)];
        var made = ProjectGraph.Render(repo);
        if (shown != made && Environment.GetEnvironmentVariable(Rewrite) == "1")
        {
            File.WriteAllText(page, text.Replace(shown, made, StringComparison.Ordinal));
            return;
        }
        Assert.True(shown == made, $"the project graph in {page} is not the one the project files make: run `{Rewrite}=1 dotnet test tests/DeepForge.Architecture.Tests` and commit the page");
    }
}
