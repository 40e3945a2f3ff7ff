using System.Text.Json;
using DeepForge.Models;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests;

/// <summary>Attribute values are checked against what the operation declares: its ranges, its enum's names, its number types.</summary>
public sealed class AttributeCheckTests
{
    [Fact]
    public async Task Run_IsRefused_WhenAnAttributeIsBelowItsRange_NamingNodeAttributeValueAndRange()
    {
        var problem = await RefusedAsync(("epochs", "0"));

        Assert.Equal("node 'tune' attribute 'epochs'", problem.Location);
        Assert.Equal("node 'tune' attribute 'epochs' is 0, outside its range: at least 1 and at most 100", problem.Message);
    }

    [Fact]
    public async Task Run_IsRefused_WhenAnAttributeIsAboveItsRange()
    {
        var problem = await RefusedAsync(("epochs", "101"));

        Assert.Contains("is 101, outside its range: at least 1 and at most 100", problem.Message);
    }

    [Fact]
    public async Task Run_IsRefused_WhenAnAttributeEqualsAnExclusiveMinimum()
    {
        var problem = await RefusedAsync(("rate", "0"));

        Assert.Equal("node 'tune' attribute 'rate' is 0, outside its range: greater than 0", problem.Message);
    }

    [Theory]
    [InlineData("\"Purple\"")]
    [InlineData("\"7\"")]
    [InlineData("1")]
    public async Task Run_IsRefused_WhenAnEnumValueIsNotOneOfItsNames_NamingTheNamesItAllows(string json)
    {
        var problem = await RefusedAsync(("shade", json));

        Assert.Equal($"node 'tune' attribute 'shade' must be one of Light, Dark, not {json}", problem.Message);
    }

    [Fact]
    public async Task Run_IsRefused_WhenANumberDoesNotFitADouble_RatherThanBecomingInfinity()
    {
        var problem = await RefusedAsync(("scale", "1e400"));

        Assert.StartsWith("node 'tune' attribute 'scale' is 1e400, which does not fit in a double", problem.Message);
    }

    [Fact]
    public async Task Run_IsRefused_WhenANumberDoesNotFitAFloat()
    {
        var problem = await RefusedAsync(("gain", "1e39"));

        Assert.StartsWith("node 'tune' attribute 'gain' is 1e39, which does not fit in a float", problem.Message);
    }

    [Fact]
    public async Task Run_IsRefused_WhenAWholeNumberDoesNotFitAnInt()
    {
        var problem = await RefusedAsync(("epochs", "3000000000"));

        Assert.StartsWith("node 'tune' attribute 'epochs' is 3000000000, which does not fit in a whole number of type int", problem.Message);
    }

    [Theory]
    [InlineData("\"NaN\"", "NaN")]
    [InlineData("\"Infinity\"", "Infinity")]
    [InlineData("\"-Infinity\"", "-Infinity")]
    public async Task Run_IsRefused_WhenANumberIsNotFinite_AndNoRangeAllowsIt(string json, string shown)
    {
        var problem = await RefusedAsync(("scale", json));

        Assert.Equal($"node 'tune' attribute 'scale' is {shown}: give a finite number", problem.Message);
    }

    [Fact]
    public async Task Run_IsRefused_WhenNaNIsGiven_EvenWhereTheRangeReachesInfinity()
    {
        var problem = await RefusedAsync(("limit", "\"NaN\""));

        Assert.StartsWith("node 'tune' attribute 'limit' is NaN: give a finite number", problem.Message);
    }

    [Fact]
    public async Task Validate_AcceptsInfinity_WhenTheDeclaredRangeReachesIt()
    {
        await using var df = TestEngine.Create();
        await df.Engine.Projects.SaveAsync(Create(Pipeline().Op("tune", "Tune").With(n => n.Attributes["limit"] = Element("\"Infinity\""))));

        Assert.Empty(await df.Engine.Executions.ValidateAsync("test", "main"));
    }

    [Fact]
    public async Task Validate_NamesTheOutOfRangeAttribute_AsTheEditorShowsIt()
    {
        await using var df = TestEngine.Create();
        await df.Engine.Projects.SaveAsync(Create(Pipeline().Op("tune", "Tune").With(n => n.Attributes["epochs"] = Element("0"))));

        var problem = Assert.Single(await df.Engine.Executions.ValidateAsync("test", "main"));

        Assert.Equal("node 'tune' attribute 'epochs'", problem.Location);
    }

    [Fact]
    public async Task Run_IsRefused_WhenARunsOwnValueIsOutOfRange_AndTheProjectIsUnchanged()
    {
        var options = new Runtime.RunOptions();
        options.Attributes["tune"] = new() { ["epochs"] = Element("0") };

        var problem = await RefusedAsync([], options);

        Assert.Contains("is 0, outside its range", problem.Message);
    }

    private static JsonElement Element(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static Task<Problem> RefusedAsync(params (string Name, string Json)[] attributes) => RefusedAsync(attributes, null);

    /// <summary>Saves a project with one Tune node, runs it expecting a refusal, checks nothing was stored, and returns the one problem.</summary>
    private static async Task<Problem> RefusedAsync((string Name, string Json)[] attributes, Runtime.RunOptions? options)
    {
        await using var df = TestEngine.Create();
        var project = Create(Pipeline().Op("tune", "Tune").With(n =>
        {
            foreach (var (name, json) in attributes) n.Attributes[name] = Element(json);
        }));
        await df.Engine.Projects.SaveAsync(project);

        var error = await Assert.ThrowsAsync<DeepForgeException>(() => df.Engine.Executions.RunAsync(project.Name, "main", options));

        Assert.Empty(await df.Engine.Executions.ListAsync(project.Name));
        Assert.Empty(await df.Documents.ListAsync("executions", null));
        return Assert.Single(error.Problems);
    }
}
