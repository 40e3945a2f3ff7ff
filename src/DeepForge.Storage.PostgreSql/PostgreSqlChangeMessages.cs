using System.Text.Json;

namespace DeepForge.Storage.PostgreSql;

/// <summary>
/// A change as the payload of a PostgreSQL notification on the store's channel: the JSON of the
/// <see cref="StoreChange"/>. PostgreSQL takes at most 8000 bytes; a change too long for that is sent as
/// <see cref="StoreChange.Everything"/>, which listeners take as "read again".
/// </summary>
internal static class PostgreSqlChangeMessages
{
    public const string Notify = "SELECT pg_notify(@channel, @payload)";
    private const string BaseChannel = "deepforge_changes";
    private const int MaxPayloadBytes = 7900;

    /// <summary>
    /// Notifications are per database, while a deployment is a database and a search path: deployments in different
    /// schemas of one database get channels of their own (a hash of the path keeps the name a plain identifier).
    /// </summary>
    public static string ChannelOf(string? searchPath) => string.IsNullOrWhiteSpace(searchPath)
        ? BaseChannel
        : BaseChannel + "_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(searchPath)))[..16];

    public static string Listen(string channel) => "LISTEN " + channel;

    public static string Encode(StoreChange change)
    {
        var payload = JsonSerializer.Serialize(change);
        return System.Text.Encoding.UTF8.GetByteCount(payload) <= MaxPayloadBytes ? payload : JsonSerializer.Serialize(StoreChange.Everything);
    }

    /// <summary>The change a payload names; <see cref="StoreChange.Everything"/> for one this version cannot read.</summary>
    public static StoreChange Decode(string payload)
    {
        try { return JsonSerializer.Deserialize<StoreChange>(payload) ?? StoreChange.Everything; }
        catch (JsonException) { return StoreChange.Everything; }
    }
}
