using System.Globalization;
using DeepForge.Configuration;
using DeepForge.Hosting;

namespace DeepForge.Cli.Hosting;

/// <summary>
/// How <c>deepforge start</c> guards the server: sign-in (auth.enabled), the host names it answers (server.allowedHosts),
/// the largest upload (server.maxUploadBytes), HTTPS (--cert). Sign-in off is refused on any address but loopback, and
/// a network address without HTTPS gets a warning.
/// </summary>
internal sealed record ServerSecurity(bool AuthEnabled, IReadOnlyList<string> AllowedHosts, long? MaxUploadBytes, StartSettings Settings)
{
    public static ServerSecurity Read(StartSettings settings, DeepForgeConfig config)
    {
        var authEnabled = (bool)config.Get("auth.enabled");
        if (!authEnabled && !settings.IsLoopback)
            throw new DeepForgeException("auth.enabled", $"sign-in is off (auth.enabled false) and --host {settings.Host} would let anyone on the network run code as you: "
                + "turn it on with 'deepforge config auth.enabled true', or listen on 127.0.0.1");
        var hosts = config.GetString("server.allowedHosts").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var maxText = config.GetString("server.maxUploadBytes").Trim();
        long? max = null;
        if (maxText.Length > 0)
        {
            if (!long.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) || bytes <= 0)
                throw new DeepForgeException("server.maxUploadBytes", $"server.maxUploadBytes is '{maxText}': give a number of bytes, e.g. 17179869184 for 16 GiB");
            max = bytes;
        }
        return new ServerSecurity(authEnabled, hosts, max, settings);
    }

    public void Apply(DeepForgeServerOptions options)
    {
        options.AuthEnabled = AuthEnabled;
        options.AllowedHosts.AddRange(AllowedHosts);
        options.MaxUploadBytes = MaxUploadBytes;
        (options.CertificatePath, options.CertificateKeyPath) = (Settings.Certificate, Settings.CertificateKey);
    }

    /// <summary>Says, at every start, what is unsafe about how the server runs.</summary>
    public void Warn()
    {
        if (!AuthEnabled)
            Console.Error.WriteLine("WARNING: sign-in is OFF (auth.enabled false): anyone and any program on this machine can use this server and run code as you. "
                + "Turn it on with 'deepforge config auth.enabled true'.");
        if (!Settings.IsLoopback && Settings.Certificate == null)
            Console.Error.WriteLine($"WARNING: --host {Settings.Host} puts the server on the network over plain HTTP: passwords, tokens and your code travel unencrypted. "
                + "Start it with --cert PATH (HTTPS), or keep it on 127.0.0.1 and reach it through an SSH tunnel.");
        if (!Settings.IsLoopback && AllowedHosts.Count == 0)
            Console.Error.WriteLine("Requests are answered for loopback names and IP addresses only; to reach the server by a host name, set server.allowedHosts (e.g. 'deepforge config server.allowedHosts gpu1.lab').");
    }
}
