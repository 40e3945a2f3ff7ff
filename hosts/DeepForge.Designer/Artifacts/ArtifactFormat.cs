using System.Globalization;

namespace DeepForge.Designer.Artifacts;

/// <summary>How the artifacts page shows sizes and data types.</summary>
internal static class ArtifactFormat
{
    private static readonly string[] Units = ["B", "KB", "MB", "GB", "TB"];

    /// <summary>Bytes in the largest unit that keeps the number at least 1: 512 B, 1.5 KB, 47.0 MB.</summary>
    public static string Size(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < Units.Length - 1) (value, unit) = (value / 1024, unit + 1);
        return unit == 0 ? $"{bytes} B" : value.ToString("0.0", CultureInfo.InvariantCulture) + " " + Units[unit];
    }

    /// <summary>
    /// A stored data type name (a .NET full name) as people read it: its last segment, without generic
    /// arity or assembly-qualified arguments, e.g. <c>DeepForge.Data.DataFile</c> → <c>DataFile</c>,
    /// <c>System.Double[]</c> → <c>Double[]</c>, <c>TorchSharp.torch+Tensor</c> → <c>Tensor</c>, <c>System.Collections.Generic.List`1[[System.Int32, ...]]</c> → <c>List</c>.
    /// </summary>
    public static string TypeName(string dataType)
    {
        var name = dataType.Split("[[", 2)[0];
        name = name[(Math.Max(name.LastIndexOf('.'), name.LastIndexOf('+')) + 1)..]; // a nested type (TorchSharp.torch+Tensor) by its own name
        var tick = name.IndexOf('`');
        return tick > 0 ? name[..tick] : name;
    }
}
