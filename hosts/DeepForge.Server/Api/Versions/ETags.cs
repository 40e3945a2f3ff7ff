using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace DeepForge.Server.Api.Versions;

/// <summary>A document's store version as an HTTP entity tag: <c>"7"</c>.</summary>
internal static class ETags
{
    public static string Of(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void Set(HttpResponse response, long version) => response.Headers.ETag = Of(version);

    /// <summary>Reads one strong tag this server gave (<c>"7"</c>; the bare number is taken too).</summary>
    public static bool TryParse(string text, out long version)
    {
        var tag = text.Trim();
        if (tag.Length >= 2 && tag[0] == '"' && tag[^1] == '"') tag = tag[1..^1];
        return long.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version > 0;
    }
}
