using DeepForge.Designer.OperationEditor.Assist;
using DeepForge.Models;

namespace DeepForge.Designer.Tests.OperationEditor.Assist;

/// <summary>Completion, hover and signature help from Roslyn, on code as the operation editor sends it.</summary>
public sealed class CodeAssistantTests
{
    private readonly CodeAssistant _assistant = new();

    [Fact]
    public void Complete_OffersOperationContextMembers_AfterContextDot()
    {
        var entries = AssistCode.Complete(_assistant, "context.$$");

        var labels = entries.Select(e => e.Label).ToList();
        Assert.Contains("Graph", labels);
        Assert.Contains("Progress", labels);
        Assert.Contains("Checkpoint", labels);
        var graph = entries.Single(e => e.Label == "Graph");
        Assert.Equal("Method", graph.Kind);
        Assert.Contains("Graph(string title)", graph.Detail);
    }

    [Fact]
    public void Complete_OffersMembersAfterDot_WhileTheNextLineIsAnotherStatement()
    {
        var entries = AssistCode.Complete(_assistant, "context.$$\n        var unrelated = 1;");

        Assert.Contains(entries, e => e.Label == "Progress");
    }

    [Fact]
    public void Complete_OffersAProjectType_DeclaredInAnotherSourceFile()
    {
        var sample = new SourceFile("types/Sample.cs", "/// <summary>A measured sample.</summary>\npublic sealed record Sample(int Width, int Height);");

        var inScope = AssistCode.Complete(_assistant, "var s = Sam$$", [sample]);
        var members = AssistCode.Complete(_assistant, "var s = new Sample(1, 2); var w = s.$$", [sample]);

        var type = Assert.Single(inScope, e => e.Label == "Sample");
        Assert.Equal("Class", type.Kind);
        Assert.Equal("A measured sample.", type.Documentation);
        Assert.Contains(members, e => e.Label == "Width" && e.Kind == "Property");
    }

    [Fact]
    public void Complete_OffersTorchMembers_WhenTheProjectUsesTorch()
    {
        // The designer's process has TorchSharp loaded (the architecture editor uses it), so project code compiles against it.
        _ = typeof(TorchSharp.torch).Assembly;

        var entries = AssistCode.Complete(_assistant, "var t = torch.$$", usings: "using TorchSharp;");

        Assert.Contains(entries, e => e.Label == "zeros" && e.Kind == "Method");
        Assert.Contains(entries, e => e.Label == "nn");
    }

    [Fact]
    public void Complete_OffersANamespacesMembers_AndATypesStaticMembers()
    {
        var inNamespace = AssistCode.Complete(_assistant, "var list = new System.Collections.$$");
        var statics = AssistCode.Complete(_assistant, "var m = Math.$$");

        Assert.Contains(inNamespace, e => e.Label == "Generic" && e.Kind == "Module");
        Assert.Contains(statics, e => e.Label == "Max" && e.Kind == "Method");
        Assert.DoesNotContain(statics, e => e.Label == "GetHashCode");
    }

    [Fact]
    public void Complete_OffersALocalsMembers_ByTheTypeItsInitializerGives()
    {
        var entries = AssistCode.Complete(_assistant, "var words = new List<string>();\n        var n = words.$$");

        Assert.Contains(entries, e => e.Label == "Add" && e.Kind == "Method");
        Assert.Contains(entries, e => e.Label == "Count" && e.Kind == "Property");
        Assert.Contains(entries, e => e.Label == "Select" && e.Kind == "Method");
    }

    [Fact]
    public void Complete_OffersLocalsAndKeywords_WhereAStatementStarts()
    {
        var entries = AssistCode.Complete(_assistant, "var total = 1;\n        $$");

        Assert.Contains(entries, e => e.Label == "total" && e.Kind == "Variable");
        Assert.Contains(entries, e => e.Label == "count" && e.Kind == "Variable");
        Assert.Contains(entries, e => e.Label == "foreach" && e.Kind == "Keyword");
    }

    [Theory]
    [InlineData("// context.$$")]
    [InlineData("var s = \"context.$$\";")]
    public void Complete_OffersNothing_InsideACommentOrAString(string body)
    {
        Assert.Empty(AssistCode.Complete(_assistant, body));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void Requests_GiveNothing_ForAnOffsetOutsideTheText(int beyondEnd)
    {
        var (text, _) = AssistCode.Operation("context.");
        var offset = beyondEnd < 0 ? -1 : text.Length + beyondEnd;

        Assert.Empty(_assistant.Complete(AssistCode.Project, [], AssistCode.Path, text, offset));
        Assert.Null(_assistant.Hover(AssistCode.Project, [], AssistCode.Path, text, offset));
        Assert.Null(_assistant.Signatures(AssistCode.Project, [], AssistCode.Path, text, offset));
    }

    [Fact]
    public void Requests_AnswerAtEveryOffset_OfBrokenCode()
    {
        const string broken = "public class : Operation { int Execute(OperationContext context { context..Graph(\"a\", ; new Sam( \"open";
        var others = new[] { new SourceFile("types/Sample.cs", "public record Sample(int Width") };

        for (var offset = 0; offset <= broken.Length; offset++)
        {
            Assert.NotNull(_assistant.Complete(AssistCode.Project, others, AssistCode.Path, broken, offset));
            _ = _assistant.Hover(AssistCode.Project, others, AssistCode.Path, broken, offset);
            _ = _assistant.Signatures(AssistCode.Project, others, AssistCode.Path, broken, offset);
        }

        // And what can still be read in it is still described.
        var hover = _assistant.Hover(AssistCode.Project, others, AssistCode.Path, broken, broken.IndexOf("OperationContext", StringComparison.Ordinal) + 2);
        Assert.Contains("OperationContext", hover?.Signature);
    }

    [Fact]
    public void Hover_ShowsATypesSignatureAndSummary()
    {
        var (text, _) = AssistCode.Operation("");
        var offset = text.IndexOf("OperationContext context", StringComparison.Ordinal) + 3;

        var hover = _assistant.Hover(AssistCode.Project, [], AssistCode.Path, text, offset);

        Assert.NotNull(hover);
        Assert.Contains("class DeepForge.Operations.OperationContext", hover.Signature);
        Assert.False(string.IsNullOrWhiteSpace(hover.Documentation), "OperationContext's XML doc summary was not found");
        Assert.Equal("OperationContext", text[hover.Start..hover.End]);
    }

    [Fact]
    public void Hover_ShowsAMethodsSignature_OnACall()
    {
        var (text, _) = AssistCode.Operation("context.Progress(1, 2);");
        var offset = text.IndexOf("Progress(1", StringComparison.Ordinal) + 2;

        var hover = _assistant.Hover(AssistCode.Project, [], AssistCode.Path, text, offset);

        Assert.NotNull(hover);
        Assert.Contains("Progress(long done, long total, string? message = null)", hover.Signature);
    }

    [Fact]
    public void Signatures_ShowTheMethodAndTheArgumentBeingTyped_InsideACall()
    {
        var (text, offset) = AssistCode.Operation("context.Progress(1, $$");

        var help = _assistant.Signatures(AssistCode.Project, [], AssistCode.Path, text, offset);

        Assert.NotNull(help);
        var signature = help.Signatures[help.ActiveSignature];
        Assert.StartsWith("void Progress(", signature.Label);
        Assert.Equal(1, help.ActiveParameter);
        var parameter = signature.Parameters[help.ActiveParameter];
        Assert.Equal("long total", signature.Label[parameter.Start..parameter.End]);
    }

    [Fact]
    public void Signatures_ListEveryOverload_OfAFrameworkMethod()
    {
        var (text, offset) = AssistCode.Operation("var m = Math.Max($$");

        var help = _assistant.Signatures(AssistCode.Project, [], AssistCode.Path, text, offset);

        Assert.NotNull(help);
        Assert.True(help.Signatures.Count > 5, $"only {help.Signatures.Count} overloads of Math.Max");
        Assert.Equal(0, help.ActiveParameter);
    }

    [Fact]
    public void Signatures_GiveNothing_OutsideAnyCall()
    {
        var (text, offset) = AssistCode.Operation("var n = 1 + $$");

        Assert.Null(_assistant.Signatures(AssistCode.Project, [], AssistCode.Path, text, offset));
    }
}
