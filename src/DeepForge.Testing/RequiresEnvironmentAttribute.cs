namespace DeepForge.Testing;

/// <summary>
/// On a subclass of <see cref="DocumentStoreContract"/>: its tests run only where <see cref="Variable"/> is set, and
/// are reported as skipped with <see cref="Reason"/> elsewhere (never as passed).
/// </summary>
/// <param name="variable">The environment variable that names the store to test against.</param>
/// <param name="reason">Why the tests need it, shown with the skip.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RequiresEnvironmentAttribute(string variable, string reason) : Attribute
{
    /// <summary>The environment variable that names the store to test against.</summary>
    public string Variable { get; } = variable;

    /// <summary>Why the tests need it, shown with the skip.</summary>
    public string Reason { get; } = reason;

    /// <summary>The skip reason where the variable is not set; null where it is.</summary>
    public static string? SkipReason(string variable, string reason) =>
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)) ? $"{variable} is not set: {reason}" : null;
}
