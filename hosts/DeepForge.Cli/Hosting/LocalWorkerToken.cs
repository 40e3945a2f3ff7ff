using System.Security.Cryptography;
using DeepForge.Configuration;

namespace DeepForge.Cli.Hosting;

/// <summary>The worker token kept in the user's config: made on the first <c>deepforge start</c>, found there by a local worker.</summary>
internal static class LocalWorkerToken
{
    public static string GetOrCreate(DeepForgeConfig config)
    {
        var token = config.GetString("worker.token");
        if (token.Length > 0) return token;
        token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        config.Set("worker.token", token);
        return token;
    }
}
