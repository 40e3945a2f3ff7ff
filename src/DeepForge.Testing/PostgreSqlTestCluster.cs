using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DeepForge.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster for tests: <c>initdb</c> into a temporary folder, <c>pg_ctl</c> on a free loopback
/// port with its unix socket in that folder, trust sign-in for the <c>postgres</c> user, and everything removed on
/// dispose. PostgreSQL refuses to run as root, so a root process runs the tools as the <c>postgres</c> user (which
/// Debian's <c>postgresql</c> package creates) and gives it the folder.
/// </summary>
public sealed class PostgreSqlTestCluster : IDisposable
{
    /// <summary>Where Debian's PostgreSQL 15 puts its tools; <c>DEEPFORGE_TEST_PG_BIN</c> overrides it.</summary>
    public const string DefaultBinDirectory = "/usr/lib/postgresql/15/bin";

    private readonly string _bin;
    private readonly string _data;
    private readonly bool _asPostgresUser;
    private bool _running;

    /// <summary>Makes and starts the cluster; throws with what to install when PostgreSQL is missing.</summary>
    public PostgreSqlTestCluster()
    {
        _bin = Environment.GetEnvironmentVariable("DEEPFORGE_TEST_PG_BIN") is { Length: > 0 } bin ? bin : DefaultBinDirectory;
        if (!File.Exists(Path.Combine(_bin, "initdb")))
        {
            throw new InvalidOperationException(
                $"PostgreSQL's initdb is not in {_bin}: install Debian's postgresql package (./test.sh does) or set DEEPFORGE_TEST_PG_BIN");
        }

        Folder = Path.Combine(Path.GetTempPath(), "deepforge-pg-" + Guid.NewGuid().ToString("N")[..12]);
        _data = Path.Combine(Folder, "data");
        _asPostgresUser = Environment.UserName == "root";
        Port = FreePort();
        try
        {
            Start();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The temporary folder of the cluster (data, socket, log).</summary>
    public string Folder { get; }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>Npgsql's keywords for a database of the cluster, signed in as <c>postgres</c>.</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={database}";

    /// <summary>A <c>postgres://</c> URL for a database of the cluster, as a person would write it.</summary>
    public string Url(string database = "postgres") =>
        $"postgres://postgres@127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/{database}";

    /// <summary>Runs SQL with <c>psql</c> (for set-up such as CREATE DATABASE), failing with its output when it fails.</summary>
    public void Execute(string sql, string database = "postgres") =>
        Run("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture),
            "-U", "postgres", "-d", database, "-c", sql);

    /// <summary>Stops the server at once and removes the folder.</summary>
    public void Dispose()
    {
        if (_running)
        {
            _running = false;
            TryRun("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop");
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private void Start()
    {
        Directory.CreateDirectory(Folder);
        if (_asPostgresUser)
        {
            Process("chown", ["postgres:postgres", Folder], asPostgres: false).Check();
        }

        // No fsync: a test cluster is thrown away, and fsync on a shared disk is what makes tests slow.
        Run("initdb", "-D", _data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
        var options = string.Join(' ',
            $"-p {Port.ToString(CultureInfo.InvariantCulture)}", "-c listen_addresses=127.0.0.1", $"-k {Folder}",
            "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=200");
        Run("pg_ctl", "-D", _data, "-l", Path.Combine(Folder, "server.log"), "-o", options, "-w", "-t", "60", "start");
        _running = true;
    }

    private void Run(string tool, params string[] arguments) => Process(Path.Combine(_bin, tool), arguments, _asPostgresUser).Check();

    private void TryRun(string tool, params string[] arguments)
    {
        try
        {
            Run(tool, arguments);
        }
        catch (InvalidOperationException)
        {
            // Stopping is best effort: the folder goes anyway, and a server without its folder stops on its own.
        }
    }

    private static Finished Process(string file, string[] arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (var part in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(part);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new Finished($"{file} {string.Join(' ', arguments)}", process.ExitCode, output.Result + error.Result);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Finished(string Command, int ExitCode, string Output)
    {
        public void Check()
        {
            if (ExitCode != 0)
            {
                throw new InvalidOperationException($"{Command} failed ({ExitCode}): {Output}");
            }
        }
    }
}
