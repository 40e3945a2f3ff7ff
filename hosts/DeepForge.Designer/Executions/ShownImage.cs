namespace DeepForge.Designer.Executions;

/// <summary>An image a job shows: its title, its PNG, and when it appeared and last changed (counted in feedback events).</summary>
public sealed class ShownImage
{
    internal ShownImage(string title, long created) => (Title, Created, Changed) = (title, created, created);

    /// <summary>The title the operation gave it last.</summary>
    public string Title { get; internal set; }

    /// <summary>The pixels as PNG; null until the operation gives some.</summary>
    public byte[]? Png { get; internal set; }

    /// <summary>When it appeared, as a count of the job's feedback events.</summary>
    public long Created { get; }

    /// <summary>When its title or pixels last changed, as a count of the job's feedback events.</summary>
    public long Changed { get; internal set; }

    /// <summary>A data: URL of the PNG for an img element, or null.</summary>
    public string? DataUrl => Png is { Length: > 0 } png ? $"data:image/png;base64,{Convert.ToBase64String(png)}" : null;
}
