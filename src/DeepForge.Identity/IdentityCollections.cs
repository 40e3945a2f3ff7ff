namespace DeepForge.Identity;

/// <summary>The store's collections for people and their credentials.</summary>
internal static class IdentityCollections
{
    public const string People = "people";
    public const string AccessTokens = "access-tokens";
    public const string SignInTokens = "sign-in-tokens";
    public const string ProjectMembers = "project-members";
}
