using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Folders;

/// <summary>The code the README's "Writing code" section shows is pushed, exactly as written there, as a project and run.</summary>
public sealed class ReadmeCodeTests : IDisposable
{
    private readonly TempFolder _temp = new("deepforge-readme");
    private readonly Cli _cli;

    public ReadmeCodeTests() => _cli = new Cli(_temp["data"]);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TheReadmesOperationLayerDataTypeAndFeedback_CompileAndRunAsProjectCode()
    {
        var folder = _temp["readme"];
        MeasureProject.Write(folder, "operations/CountTo.cs", ReadmeExample.After("<!-- code-operation -->"));
        MeasureProject.Write(folder, "layers/Shift.cs", ReadmeExample.After("<!-- code-layer -->"));
        MeasureProject.Write(folder, "datatypes/Reading.cs", ReadmeExample.After("<!-- code-datatype -->"));
        MeasureProject.Write(folder, "operations/Measure.cs", ReadmeExample.After("<!-- code-feedback -->"));
        MeasureProject.Write(folder, "architectures/shifted.json", """{ "name": "shifted", "inputShape": [3], "layers": [ { "id": "shift", "type": "Shift", "attributes": { "by": 2 } } ] }""");
        MeasureProject.Write(folder, "pipelines/examples.json", """
            {
              "name": "examples",
              "nodes": [
                { "id": "count", "operation": "CountTo" },
                { "id": "numbers", "kind": "output", "artifact": "numbers" },
                { "id": "measure", "operation": "Measure", "references": { "net": "shifted" } },
                { "id": "reading", "kind": "output", "artifact": "reading" }
              ],
              "connections": [ { "from": "count.numbers", "to": "numbers.data" }, { "from": "measure.reading", "to": "reading.data" } ]
            }
            """);

        CliAssert.Succeeded(_cli.Run("push", folder));
        CliAssert.Succeeded(_cli.Run("run", "readme", "examples"));
        var artifacts = CliAssert.Succeeded(_cli.Run("artifacts", "readme")).Stdout;

        Assert.Contains("numbers", artifacts);
        Assert.Contains("reading", artifacts);
    }
}
