namespace DeepForge.Designer.Collaboration;

/// <summary>A project was changed by the page (circuit) named <paramref name="Editor"/>.</summary>
internal sealed record ProjectChange(string Project, string Editor);
