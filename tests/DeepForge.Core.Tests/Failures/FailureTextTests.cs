using DeepForge.Failures;

namespace DeepForge.Core.Tests.Failures;

/// <summary>How a failure of an operation reads in its node's log.</summary>
public sealed class FailureTextTests
{
    [Fact]
    public void Describe_OfARefusal_IsItsMessage_WithoutTypeNameOrEngineFrames()
    {
        var refusal = Thrown(() => throw new DeepForgeException("images", "images: 'cat/1.png' is not an image (PNG or JPEG); remove it or fix it"));

        var text = FailureText.Describe(refusal);

        Assert.Equal("images: 'cat/1.png' is not an image (PNG or JPEG); remove it or fix it", text);
    }

    [Fact]
    public void Describe_OfABug_KeepsItsTypeName_AndTheEngineFramesUnderTheMarker()
    {
        var bug = Thrown(() => throw new InvalidOperationException("the queue was empty"));

        var text = FailureText.Describe(bug);

        Assert.StartsWith("System.InvalidOperationException: the queue was empty", text);
        Assert.Contains(FailureText.EngineFramesMarker, text);
    }

    [Fact]
    public void Describe_OfARefusalWithACause_KeepsTheCauseWithItsType()
    {
        var refusal = Thrown(() => throw new DeepForgeException("data", "data: the archive is damaged", new InvalidDataException("bad header")));

        var text = FailureText.Describe(refusal);

        Assert.StartsWith("data: the archive is damaged\n ---> System.IO.InvalidDataException: bad header", text);
    }

    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            return e;
        }
        throw new InvalidOperationException("the action did not throw");
    }
}
