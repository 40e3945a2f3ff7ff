using System.Text.RegularExpressions;
using DeepForge.Models;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests;

public sealed class ValidationTests
{
    [Fact]
    public async Task Run_RefusesCycle()
    {
        var problem = await RefusedAsync(Create(Pipeline()
            .Op("a", "Meet")
            .Op("b", "Meet")
            .Wire("a.values", "b.values")
            .Wire("b.values", "a.values")));

        Assert.Equal("node 'a'", problem.Location);
        Assert.Contains("cycle: a -> b -> a", problem.Message);
    }

    [Fact]
    public async Task Run_RefusesConnectionNotWrittenAsNodeDotPort_WithoutCrashing()
    {
        var problem = await RefusedAsync(Create(Pipeline()
            .Op("numbers", "Numbers")
            .Op("sum", "Sum")
            .Wire("numbers", "sum.values")));

        Assert.Equal("connection numbers -> sum.values", problem.Location);
        Assert.Contains("write it as node.port", problem.Message);
    }

    [Fact]
    public async Task Run_RefusesConnectionBetweenTypesThatDoNotFit()
    {
        var problem = await RefusedAsync(Create(Pipeline()
            .Op("numbers", "Numbers")
            .Op("sum", "Sum")
            .Wire("numbers.values", "sum.values")));

        Assert.Equal("connection numbers.values -> sum.values", problem.Location);
        Assert.Contains("gives int[] but sum.values takes double[]", problem.Message);
    }

    [Fact]
    public async Task Run_RefusesUnknownOperation()
    {
        var problem = await RefusedAsync(Create(Pipeline().Op("x", "NoSuchOperation")));

        Assert.Equal("node 'x'", problem.Location);
        Assert.Contains("unknown operation 'NoSuchOperation'", problem.Message);
    }

    [Fact]
    public async Task Run_RefusesUnconnectedRequiredInput()
    {
        var problem = await RefusedAsync(Create(Pipeline().Op("sum", "Sum")));

        Assert.Equal("port sum.values", problem.Location);
        Assert.Contains("not connected", problem.Message);
    }

    [Fact]
    public async Task Run_RefusesAttributeValueOfWrongKind()
    {
        var problem = await RefusedAsync(Create(Pipeline().Op("numbers", "Numbers", ("count", "abc"))));

        Assert.Equal("node 'numbers' attribute 'count'", problem.Location);
        Assert.Contains("must be a value of kind integer, not \"abc\"", problem.Message);
    }

    [Fact]
    public async Task Run_RefusesUnknownAttribute()
    {
        var problem = await RefusedAsync(Create(Pipeline().Op("numbers", "Numbers", ("size", 3))));

        Assert.Equal("node 'numbers' attribute 'size'", problem.Location);
        Assert.Contains("has no such attribute", problem.Message);
    }

    [Fact]
    public async Task Run_RefusesReferenceToMissingArchitecture()
    {
        var problem = await RefusedAsync(Create(Pipeline().Op("use", "UsesNet").With(n => n.References["net"] = "nowhere")));

        Assert.Equal("node 'use' reference 'net'", problem.Location);
        Assert.Contains("architecture 'nowhere'", problem.Message);
    }

    [Fact]
    public async Task Run_RefusesCodeThatDoesNotCompile_NamingFileLineAndColumn()
    {
        var project = Create(Pipeline().Op("broken", "Broken"));
        project.Sources = [new SourceFile("ops/Broken.cs", """
            public sealed class Broken : Operation
            {
                public int Execute() => "not a number";
            }
            """)];

        var problem = await RefusedAsync(project);

        Assert.Matches(new Regex(@"^ops/Broken\.cs\(3,\d+\)$"), problem.Location);
        Assert.Contains("error CS0029", problem.Message);
    }

    [Fact]
    public async Task Run_RefusesMissingInputArtifact()
    {
        var problem = await RefusedAsync(Create(Pipeline()
            .Input("in", "never-made")
            .Op("sum", "Sum")
            .Wire("in.data", "sum.values")));

        Assert.Equal("node 'in'", problem.Location);
        Assert.Contains("no artifact 'never-made'", problem.Message);
    }

    [Fact]
    public async Task Run_RefusesUnknownInputInRunOptions()
    {
        var options = new Runtime.RunOptions();
        options.Inputs["in"] = "never-made";
        var problem = await RefusedAsync(Create(Pipeline().Input("in", "never-made").Op("sum", "Sum").Wire("in.data", "sum.values")), options);

        Assert.Equal("inputs.in", problem.Location);
        Assert.DoesNotContain("--", problem.Message);
    }

    /// <summary>Saves the project, runs it expecting a refusal, checks nothing was stored, and returns the one problem.</summary>
    [Fact]
    public async Task Validate_NamesTheProblems_WithoutStoringAnExecution()
    {
        await using var df = TestEngine.Create();
        await df.Engine.Projects.SaveAsync(Create(Pipeline().Op("numbers", "Numbers").Op("sum", "Sum")));

        var problems = await df.Engine.Executions.ValidateAsync("test", "main");

        Assert.Equal("port sum.values", Assert.Single(problems).Location);
        Assert.Empty(await df.Engine.Executions.ListAsync("test"));
    }

    [Fact]
    public async Task Validate_IsEmpty_WhenThePipelineCanRun()
    {
        await using var df = TestEngine.Create();
        await df.Engine.Projects.SaveAsync(Create(Chain()));

        Assert.Empty(await df.Engine.Executions.ValidateAsync("test", "main"));
    }

    private static async Task<Problem> RefusedAsync(ProjectDefinition project, Runtime.RunOptions? options = null)
    {
        await using var df = TestEngine.Create();
        await df.Engine.Projects.SaveAsync(project);

        var error = await Assert.ThrowsAsync<DeepForgeException>(() => df.Engine.Executions.RunAsync(project.Name, "main", options));

        Assert.Empty(await df.Engine.Executions.ListAsync(project.Name));
        Assert.Empty(await df.Documents.ListAsync("executions", null));
        Assert.Empty(await df.Documents.ListAsync("nodes", null));
        return Assert.Single(error.Problems);
    }
}
