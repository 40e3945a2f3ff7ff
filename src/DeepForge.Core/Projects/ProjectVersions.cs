namespace DeepForge.Projects;

/// <summary>What to say when a compare-and-set write of a project was refused, by what the writer expected and what is stored.</summary>
public static class ProjectVersions
{
    /// <summary>The message for a refused save of <paramref name="project"/>: a new project whose name is taken (<paramref name="expected"/> 0), one deleted meanwhile (<paramref name="current"/> 0), or one changed by someone else; each says what to do.</summary>
    public static string Refusal(string project, long expected, long current) => (expected, current) switch
    {
        (0, _) => $"a project named '{project}' already exists (version {current}): read it, change that copy and save it, so that no one else's change is overwritten",
        (_, 0) => $"there is no project '{project}' any more (it was at version {expected} when read)",
        _ => $"project '{project}' was changed by someone else after version {expected} (it is at version {current} now): read it again and apply your change to that",
    };
}
