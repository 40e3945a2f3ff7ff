namespace DeepForge.Designer.Tests.PipelineEditor;

/// <summary>Waits for something stored in the background (an edit saved after a click) to be true; fails after 20 s.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(100))
            if (await condition()) return;
        Assert.True(await condition(), "the condition never became true within 20 s");
    }
}
