using System.Net.Sockets;
using DeepForge.Cli.Output;
using Microsoft.Extensions.Options;

namespace DeepForge.Cli.Hosting;

/// <summary>
/// The one place where an exception from a command becomes what a person reads: one line on standard error that says
/// what was wrong and what to do, and the exit code (2 for wrong input, 1 for a failure). No stack trace for anything
/// a person can cause; a bug says so in one line and leaves its details in a file.
/// </summary>
internal static class CliErrors
{
    public static int Report(Exception exception)
    {
        switch (exception)
        {
            case DeepForgeException e:
                Problems.Print(e.Problems);
                return CliAction.BadInput;
            case CliFailure e:
                return Fail(e.Message);
            case OptionsValidationException e:
                return Usage(string.Join("; ", e.Failures));
            case DeepForge.Client.DeepForgeApiException { Status: null } e:
                return Fail($"cannot reach the server: {Reason(e)}. Is it running (deepforge start) and is --server right?");
            case DeepForge.Client.DeepForgeApiException e:
                return Fail($"the server answered {(int)e.Status!} ({e.Status}): {e.Problem ?? e.Message}");
            case HttpRequestException { StatusCode: null } e:
                return Fail($"cannot reach the server: {Reason(e)}. Is it running (deepforge start) and is --server right?");
            case HttpRequestException e:
                return Fail($"the server answered {(int)e.StatusCode!} ({e.StatusCode}): {e.Message}");
            case TaskCanceledException e when e.InnerException is TimeoutException:
                return Fail("the server did not answer in time; check that it is running and try again");
            case UriFormatException e:
                return Usage($"not a URL: {e.Message} (write it like http://localhost:8888)");
            case UnauthorizedAccessException e:
                return Fail($"{e.Message}: check the folder's permissions or choose another one (deepforge config)");
            // Core's message says how to heal the blob; the command adds how to find others like it.
            case DeepForge.Blobs.BlobDamagedException e:
                return Fail($"{e.Message}, or run 'deepforge blobs verify' to check every blob");
            case IOException e:
                return Fail(e.Message);
            case InvalidDataException e:
                return Fail(e.Message);
            default:
                return Bug(exception);
        }
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return CliAction.BadInput;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return CliAction.Failed;
    }

    // "Connection refused (127.0.0.1:1)" says it best; a name that does not resolve says so in the socket's words.
    private static string Reason(HttpRequestException e) =>
        e.InnerException is SocketException socket ? $"{e.Message.TrimEnd('.')} ({socket.SocketErrorCode})" : e.Message.TrimEnd('.');

    // The client's words name the request and the server; the socket's say why it could not connect.
    private static string Reason(DeepForge.Client.DeepForgeApiException e) =>
        e.InnerException is HttpRequestException inner ? Reason(inner) : e.Message.TrimEnd('.');

    /// <summary>Not something a person caused: one line, and the stack trace in a file for the bug report.</summary>
    private static int Bug(Exception exception)
    {
        var report = Path.Combine(Path.GetTempPath(), $"deepforge-error-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.txt");
        try
        {
            File.WriteAllText(report, exception.ToString());
            Console.Error.WriteLine($"error: {exception.Message} ({exception.GetType().Name}; this is a bug in deepforge: please report it with {report})");
        }
        catch (IOException)
        {
            Console.Error.WriteLine($"error: {exception.Message} ({exception.GetType().Name}; this is a bug in deepforge: please report it)");
        }
        return CliAction.Failed;
    }
}
