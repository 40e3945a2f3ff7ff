using System.Text.Json;

namespace DeepForge.Storage.PostgreSql;

/// <summary>
/// A change as the payload of a PostgreSQL notification on <see cref="Channel"/>: the JSON of the
/// <see cref="StoreChange"/>. PostgreSQL takes at most 8000 bytes; a change too long for that is sent as
/// <see cref="StoreChange.Everything"/>, which listeners take as "read again".
/// </summary>
internal static class PostgreSqlChangeMessages
{
    public const string Channel = "deepforge_changes";
    public const string Notify = "SELECT pg_notify('" + Channel + "', @payload)";
    public const string Listen = "LISTEN " + Channel;
    private const int MaxPayloadBytes = 7900;

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
