namespace DeepForge.Projects;

/// <summary>One object a write adds, changes or removes: <paramref name="Kind"/> pipeline, architecture, source or project.</summary>
internal sealed record ObjectChange(string Kind, string Name, string Verb)
{
    public string Object => Kind == "project" ? "project" : $"{Kind} {Name}";

    public string Summary => Kind == "project" ? $"{Verb} the project's {Name}" : $"{Verb} {Kind} {Name}";
}
