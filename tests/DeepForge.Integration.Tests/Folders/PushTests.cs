using DeepForge.Integration.Tests.Infrastructure;
using static DeepForge.Integration.Tests.Folders.MeasureProject;

namespace DeepForge.Integration.Tests.Folders;

/// <summary>
/// Projects as folders: pull writes one, edits to its operations, layers and data types are pushed back after the
/// checks, and a run uses them; a push is refused, storing nothing, when the code does not compile, an id is
/// malformed, a source leaves the folder, or the project changed elsewhere since the pull (unless --force).
/// </summary>
public sealed class PushTests : IDisposable
{
    private readonly TempFolder _temp = new("deepforge-push");
    private readonly Cli _cli;

    public PushTests() => _cli = new Cli(_temp["data"]);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void PullEditPushRun_UsesTheEditedOperationLayerAndDataType()
    {
        var folder = CreateAndPull();
        CliAssert.Succeeded(_cli.Run("run", "m", "measure"));
        Assert.Equal("v1:6", File.ReadAllText(_temp["report.txt"]));

        Edit(folder, "operations/Measure.cs", "\"v1\"", "\"v2\"");
        Edit(folder, "layers/Scale.cs", "input.mul(_factor)", "input.mul(_factor).add(1)");
        Edit(folder, "datatypes/Reading.cs", "$\"{Label}:{Value}\"", "$\"{Label}={Value}\"");
        var push = CliAssert.Succeeded(_cli.Run("push", folder));
        CliAssert.Succeeded(_cli.Run("run", "m", "measure"));

        Assert.Contains("changed source operations/Measure.cs", push.Stdout);
        Assert.Contains("changed source layers/Scale.cs", push.Stdout);
        Assert.Contains("changed source datatypes/Reading.cs", push.Stdout);
        Assert.Equal("v2=9", File.ReadAllText(_temp["report.txt"]));
    }

    [Fact]
    public void Push_OfCodeThatDoesNotCompile_IsRefusedWithFileAndLine_AndStoresNothing()
    {
        var folder = CreateAndPull();
        Edit(folder, "layers/Scale.cs", "input.mul(_factor);", "input.mul(_factor)");

        var result = _cli.Run("push", folder, "--force");

        CliAssert.BadInput(result, Path.Join(folder, "layers/Scale.cs("));
        Assert.Matches(@"layers/Scale\.cs\(\d+,\d+\): error CS", result.Stderr);
        Assert.Equal(Layer, File.ReadAllText(Path.Combine(Pull("again"), "layers/Scale.cs")));
    }

    [Fact]
    public void Push_OverChangesMadeElsewhereSinceThePull_IsRefused_AndForceWins()
    {
        var mine = CreateAndPull();
        var theirs = Pull("theirs");
        Edit(theirs, "operations/Measure.cs", "\"v1\"", "\"theirs\"");
        CliAssert.Succeeded(_cli.Run("push", theirs));
        Edit(mine, "operations/Measure.cs", "\"v1\"", "\"mine\"");

        var stale = _cli.Run("push", mine);
        var forced = _cli.Run("push", mine, "--force");

        CliAssert.BadInput(stale, "changed elsewhere");
        CliAssert.Succeeded(forced);
        Assert.Contains("\"mine\"", File.ReadAllText(Path.Combine(Pull("after"), "operations/Measure.cs")));
    }

    [Fact]
    public void Push_OfANodeIdWithADot_IsRefusedNamingTheNode()
    {
        var folder = CreateAndPull();
        Edit(folder, "pipelines/measure.json", "\"id\": \"report\"", "\"id\": \"re.port\"");

        CliAssert.BadInput(_cli.Run("push", folder), "node 're.port': not a valid node id");
    }

    [Fact]
    public void Push_OfASourceLinkedFromOutsideTheFolder_IsRefused()
    {
        var folder = CreateAndPull();
        File.WriteAllText(_temp["outside.cs"], "public sealed class Outside { }");
        File.CreateSymbolicLink(Path.Combine(folder, "operations", "Outside.cs"), _temp["outside.cs"]);

        CliAssert.BadInput(_cli.Run("push", folder), "source 'operations/Outside.cs': a link to");
    }

    [Fact]
    public void Pull_WritesTheSeedLayout_TheVersion_AndAnIdeProjectThatPushIgnores()
    {
        var folder = CreateAndPull();

        Assert.True(File.Exists(Path.Combine(folder, "pipelines", "measure.json")));
        Assert.True(File.Exists(Path.Combine(folder, "architectures", "net.json")));
        Assert.Contains("\"version\": 1", File.ReadAllText(Path.Combine(folder, ".deepforge", "pulled.json")));
        Assert.Contains("<Using Include=\"DeepForge.Operations\" />", File.ReadAllText(Path.Combine(folder, "m.csproj")));
        Assert.Contains("No changes", CliAssert.Succeeded(_cli.Run("push", folder)).Stdout);
    }

    [Fact]
    public void New_From_AFolder_MakesAProjectOfIt()
    {
        MeasureProject.WriteTo(_temp["source"], _temp["report.txt"]);

        CliAssert.Succeeded(_cli.Run("new", "copy", "--from", _temp["source"]));
        CliAssert.Succeeded(_cli.Run("run", "copy", "measure"));

        Assert.Equal("v1:6", File.ReadAllText(_temp["report.txt"]));
    }

    /// <summary>Pushes the measure project as the new project 'm', then pulls it into a folder of its own.</summary>
    private string CreateAndPull()
    {
        MeasureProject.WriteTo(_temp["source"], _temp["report.txt"]);
        CliAssert.Succeeded(_cli.Run("push", _temp["source"], "--project", "m"));
        return Pull("work");
    }

    private string Pull(string name)
    {
        CliAssert.Succeeded(_cli.Run("pull", "m", _temp[name]));
        return _temp[name];
    }
}
