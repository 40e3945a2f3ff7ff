using NuGet.Packaging;
using NuGet.Versioning;

namespace DeepForge.Extensions;

/// <summary>
/// A package named by id and maybe version (<c>Acme.Ops</c>, <c>Acme.Ops@1.2.0</c>). Only NuGet's own rules for ids
/// and versions pass, so neither can name a folder: <c>../../x</c> or an absolute path is refused before anything is written.
/// </summary>
internal sealed record PackageSpec(string Id, NuGetVersion? Version)
{
    public static PackageSpec Parse(string text)
    {
        var at = text.IndexOf('@');
        var id = at < 0 ? text : text[..at];
        CheckId(id, text);
        if (at < 0) return new PackageSpec(id, null);
        var version = text[(at + 1)..];
        CheckVersion(version, text);
        return new PackageSpec(id, NuGetVersion.Parse(version));
    }

    /// <summary>Throws unless <paramref name="id"/> is a package id by NuGet's rules.</summary>
    public static void CheckId(string id, string where)
    {
        if (!PackageIdValidator.IsValidPackageId(id))
            throw new DeepForgeException(where, $"'{id}' is not a package id (letters, digits, '.', '-' and '_', at most {PackageIdValidator.MaxPackageIdLength} characters, e.g. Acme.Ops or Acme.Ops@1.2.0)");
    }

    /// <summary>Throws unless <paramref name="version"/> is a package version.</summary>
    public static void CheckVersion(string version, string where)
    {
        if (!NuGetVersion.TryParse(version, out _))
            throw new DeepForgeException(where, $"'{version}' is not a package version (e.g. 1.2.0)");
    }
}
