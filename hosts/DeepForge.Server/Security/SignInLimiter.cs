using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using DeepForge.Hosting;
using Microsoft.Extensions.Options;

namespace DeepForge.Server.Security;

/// <summary>
/// Counts wrong passwords per client address with .NET's fixed-window rate limiter: once an address has given
/// <see cref="DeepForgeServerOptions.MaxWrongPasswords"/> wrong passwords in a window, its sign-ins get 429 until the
/// window ends, right password or not. Right passwords cost nothing.
/// </summary>
internal sealed class SignInLimiter(IOptions<DeepForgeServerOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, FixedWindowRateLimiter> _limiters = new(StringComparer.Ordinal);

    public bool IsBlocked(string address) =>
        _limiters.TryGetValue(address, out var limiter) && limiter.GetStatistics()?.CurrentAvailablePermits == 0;

    public void WrongPassword(string address)
    {
        using var lease = _limiters.GetOrAdd(address, _ => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.MaxWrongPasswords, Window = options.Value.SignInWindow, QueueLimit = 0, AutoReplenishment = true,
        })).AttemptAcquire();
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values) limiter.Dispose();
    }
}
