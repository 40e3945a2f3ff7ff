using DeepForge.Designer.OperationEditor.Assist;

namespace DeepForge.Designer.Tests.OperationEditor.Assist;

/// <summary>The assistant keeps a warm workspace per project, and not for ever: memory stays bounded.</summary>
public sealed class AssistWorkspaceEvictionTests
{
    [Fact]
    public void AWorkspace_IsDropped_WhenItsProjectIsIdleLongerThanTheLimit()
    {
        var clock = new ManualClock();
        var assistant = new CodeAssistant(clock);
        var (text, offset) = AssistCode.Operation("context.$$");
        assistant.Complete("first", [], AssistCode.Path, text, offset);

        clock.Advance(CodeAssistant.IdleLimit + TimeSpan.FromSeconds(1));
        assistant.Complete("second", [], AssistCode.Path, text, offset);

        Assert.Equal(1, assistant.WorkspaceCount);
    }

    [Fact]
    public void TheLeastRecentlyUsedWorkspace_IsDropped_WhenTooManyProjectsAreOpen()
    {
        var clock = new ManualClock();
        var assistant = new CodeAssistant(clock);
        var (text, offset) = AssistCode.Operation("context.$$");

        for (var i = 0; i <= CodeAssistant.MaxProjects; i++)
        {
            assistant.Complete($"project{i}", [], AssistCode.Path, text, offset);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(CodeAssistant.MaxProjects, assistant.WorkspaceCount);
    }

    [Fact]
    public void AnEditedOtherFile_IsSeen_OnTheNextRequest()
    {
        var assistant = new CodeAssistant();
        var (text, offset) = AssistCode.Operation("var w = new Sample(1).$$");
        var before = assistant.Complete("p", [new("types/Sample.cs", "public record Sample(int Width);")], AssistCode.Path, text, offset);

        var after = assistant.Complete("p", [new("types/Sample.cs", "public record Sample(int Depth);")], AssistCode.Path, text, offset);

        Assert.Contains(before, e => e.Label == "Width");
        Assert.Contains(after, e => e.Label == "Depth");
        Assert.DoesNotContain(after, e => e.Label == "Width");
    }
}
