namespace DeepForge.Identity;

/// <summary>Who may see a project: its owner (who made it) and members with a role each. Kept beside the project, by its name.</summary>
public sealed record ProjectMembersRecord(string Project, string? Owner, Dictionary<string, PersonRole> Members);
