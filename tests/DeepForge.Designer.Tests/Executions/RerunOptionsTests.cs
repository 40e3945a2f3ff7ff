using System.Text.Json;
using DeepForge.Designer.Executions;
using DeepForge.Models;

namespace DeepForge.Designer.Tests.Executions;

/// <summary>Re-running an execution runs the pipeline as that execution ran it.</summary>
public sealed class RerunOptionsTests
{
    [Fact]
    public void Keeps_the_runs_inputs_cache_choice_and_attribute_values_that_differ_from_the_pipeline_now()
    {
        var ran = Execution(steps: 3, inputs: new() { ["data"] = "artifact-1" }, useCache: false);

        var options = RerunOptions.For(ran, Pipeline(steps: 5));

        Assert.Equal("artifact-1", options.Inputs["data"]);
        Assert.False(options.UseCache);
        Assert.Equal(3, Assert.Single(options.Attributes[LiveProject.Node]).Value.GetInt32());
    }

    [Fact]
    public void Sets_nothing_for_attributes_the_pipeline_still_has_as_they_ran()
    {
        var options = RerunOptions.For(Execution(steps: 5), Pipeline(steps: 5));

        Assert.Empty(options.Attributes);
    }

    [Fact]
    public void Leaves_out_nodes_the_pipeline_no_longer_has()
    {
        var now = Pipeline(steps: 5);
        now.Nodes.RemoveAll(n => n.Id is LiveProject.Node or "data");

        var options = RerunOptions.For(Execution(steps: 3, inputs: new() { ["data"] = "artifact-1" }), now);

        Assert.Empty(options.Attributes);
        Assert.Empty(options.Inputs);
    }

    private static ExecutionRecord Execution(int steps, Dictionary<string, string>? inputs = null, bool useCache = true) =>
        new() { Id = "e1", Project = LiveProject.Name, Pipeline = Pipeline(steps), Inputs = inputs ?? [], UseCache = useCache };

    private static PipelineDefinition Pipeline(int steps) => new()
    {
        Name = LiveProject.Pipeline,
        Nodes =
        [
            new PipelineNode { Id = "data", Kind = NodeKind.Input, Artifact = "traindata" },
            new PipelineNode { Id = LiveProject.Node, Operation = "Train", Attributes = new() { ["steps"] = JsonSerializer.SerializeToElement(steps) } },
            new PipelineNode { Id = LiveProject.Evaluate, Operation = "Evaluate" },
        ],
    };
}
