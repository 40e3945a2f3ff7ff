using System.Security.Cryptography;
using System.Text;

namespace DeepForge.Dispatch;

/// <summary>Whether a report's lease token holds its job, and when not, a reason that says what really happened to the token.</summary>
internal static class LeaseCheck
{
    /// <summary>
    /// The token holds the job: it is the current lease, or the lease that expired last while nobody has
    /// leased the job since (its worker's report came late because the server or the store stalled, and
    /// its work should not be thrown away and done again).
    /// </summary>
    public static bool Holds(JobRecord job, string? token) =>
        (job.Status == JobStatus.Leased && SameToken(job.LeaseToken, token))
        || (job.Status == JobStatus.Queued && !job.CancelRequested && job.ExpiredLeaseTokens.Count > 0 && SameToken(job.ExpiredLeaseTokens[^1], token));

    /// <summary>Whether the job is queued again and this token's expired lease is the one a report may take back.</summary>
    public static bool Revives(JobRecord job, string? token) => job.Status == JobStatus.Queued && Holds(job, token);

    /// <summary>Why a report with this token is refused, or null when the token holds the job.</summary>
    public static string? Refusal(JobRecord job, string? token)
    {
        if (Holds(job, token)) return null;
        var expired = job.ExpiredLeaseTokens.Any(t => SameToken(t, token));
        var now = job.Status switch
        {
            JobStatus.Leased when expired => $"its lease expired and runner '{job.RunnerId}' holds it now (attempt {job.Attempts})",
            JobStatus.Leased => $"this token is not the job's lease (runner '{job.RunnerId}' holds it with another token)",
            JobStatus.Queued when expired => "its lease expired and it went back to the queue",
            JobStatus.Queued => "this token is not the job's lease (the job waits in the queue)",
            JobStatus.Succeeded => "it has already succeeded",
            JobStatus.Failed => $"it has already failed ({job.Error})",
            _ => "it was cancelled",
        };
        var lead = expired || SameToken(job.LeaseToken, token) ? $"job {job.Id} is no longer leased with this token" : $"job {job.Id} refused a report";
        return $"{lead}: {now}; nothing was stored";
    }

    /// <summary>The answer to a completion of a job that has already succeeded: the first result stays.</summary>
    public static string AlreadyCompleted(JobRecord job) =>
        $"job {job.Id} has already completed{(job.RunnerId != null ? $" (runner '{job.RunnerId}')" : "")}: its first result is kept and this report changed nothing";

    /// <summary>Takes the lease away (expired): the token is remembered so a late report is told what happened.</summary>
    public static void Expire(JobRecord job)
    {
        if (job.LeaseToken != null) job.ExpiredLeaseTokens.Add(job.LeaseToken);
        job.ExpiredRunnerId = job.RunnerId;
        (job.RunnerId, job.LeaseToken, job.LeaseExpiresAt) = (null, null, null);
    }

    /// <summary>Gives the job back to the worker whose expired lease this token was.</summary>
    public static void Revive(JobRecord job, string token, DateTimeOffset expiresAt)
    {
        job.ExpiredLeaseTokens.RemoveAt(job.ExpiredLeaseTokens.Count - 1);
        (job.Status, job.LeaseToken, job.RunnerId, job.LeaseExpiresAt) = (JobStatus.Leased, token, job.ExpiredRunnerId, expiresAt);
    }

    // Constant time, so timing does not tell a caller how much of a token it guessed.
    public static bool SameToken(string? expected, string? actual) =>
        expected != null && actual != null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
