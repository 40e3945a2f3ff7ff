namespace DeepForge;

/// <summary>Something wrong with a project, pipeline or input, and where: a node, port, attribute or file position.</summary>
public sealed record Problem(string Location, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Message.StartsWith(Location, StringComparison.Ordinal) ? Message : $"{Location}: {Message}";
}
