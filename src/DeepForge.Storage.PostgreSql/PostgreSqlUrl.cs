using System.Globalization;
using Npgsql;

namespace DeepForge.Storage.PostgreSql;

/// <summary>
/// Reads <c>postgres://user:password@host:port/database?key=value</c>, the form libpq and most hosting services give,
/// into Npgsql's keywords, which Npgsql alone does not read.
/// </summary>
internal static class PostgreSqlUrl
{
    public static bool IsUrl(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    public static string ToKeywords(string url)
    {
        var uri = new Uri(url);
        var builder = new NpgsqlConnectionStringBuilder { Host = Uri.UnescapeDataString(uri.Host) };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        AddUser(builder, uri.UserInfo);
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        AddQuery(builder, uri.Query);
        return builder.ConnectionString;
    }

    private static void AddUser(NpgsqlConnectionStringBuilder builder, string userInfo)
    {
        if (userInfo.Length == 0)
        {
            return;
        }

        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        builder.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
        if (colon >= 0)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        }
    }

    // libpq's names where they differ from Npgsql's; any other key is given to Npgsql as it is.
    private static void AddQuery(NpgsqlConnectionStringBuilder builder, string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            builder[key.ToLower(CultureInfo.InvariantCulture) switch
            {
                "sslmode" => "SSL Mode",
                "connect_timeout" => "Timeout",
                "application_name" => "Application Name",
                "host" => "Host",
                _ => key,
            }] = value;
        }
    }
}
