namespace DeepForge.Identity;

/// <summary>What a person may do: each role includes the ones before it.</summary>
public enum PersonRole
{
    /// <summary>Reads projects, runs and artifacts.</summary>
    Viewer = 1,

    /// <summary>Also edits projects and starts, cancels and resumes runs.</summary>
    Editor = 2,

    /// <summary>Also manages people, tokens, workers and extensions, and sees every project.</summary>
    Admin = 3,
}
