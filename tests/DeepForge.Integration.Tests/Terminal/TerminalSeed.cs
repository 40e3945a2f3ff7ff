using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Terminal;

/// <summary>
/// The terminal tests' project: <c>count</c> reports progress, <c>make</c> passes the gate (once the release file exists)
/// and saves its text as artifact <c>made</c>, <c>use</c> reads <c>made</c> with an Input node.
/// </summary>
internal static class TerminalSeed
{
    public static SeedFolder Write(TempFolder temp, string marker, string release) =>
        new SeedFolder(temp["seed"])
            .WithOperations(TerminalOperations.FileName, TerminalOperations.Source)
            .WithPipeline(new PipelineJson("count").Operation("count", "Count"))
            .WithPipeline(new PipelineJson("make").Operation("gate", "Gate", new { marker, release }).Output("out", "made").Connect("gate.text", "out.data"))
            .WithPipeline(new PipelineJson("use").Input("in", "made").Operation("length", "Length").Connect("in.data", "length.text"));
}
