namespace DeepForge.Server.Security;

/// <summary>The authentication schemes: a browser's cookie, a program's bearer token, and the one that picks between them.</summary>
internal static class AuthSchemes
{
    public const string Default = "deepforge";
    public const string Cookie = "deepforge-cookie";
    public const string Token = "deepforge-token";
    public const string CookieName = "deepforge";
    public const string EditorPolicy = "deepforge-editor";
    public const string AdminPolicy = "deepforge-admin";
}
