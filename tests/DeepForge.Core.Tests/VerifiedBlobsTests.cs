using DeepForge.Blobs;

namespace DeepForge.Core.Tests;

/// <summary>The memory of which blob files were found whole is bounded, so a long-running server does not grow with its blob count.</summary>
public sealed class VerifiedBlobsTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    [Fact]
    public void Remembered_StaysWithinTheLimit_WhenMoreBlobsThanTheLimitAreChecked()
    {
        var verified = new VerifiedBlobs();
        var file = new FileInfo(_file);

        for (var i = 0; i < VerifiedBlobs.Limit + 100; i++) verified.Whole($"hash-{i}", file);

        Assert.InRange(verified.Count, 1, VerifiedBlobs.Limit);
    }

    [Fact]
    public void ABlobForgotten_IsHashedAgain_WhenItIsNextChecked()
    {
        File.WriteAllText(_file, "whole");
        var verified = new VerifiedBlobs();
        var file = new FileInfo(_file);
        var hash = VerifiedBlobs.HashOf(_file);
        verified.Whole("other-name-of-the-same-bytes", file);
        Assert.Null(verified.Check(hash, file));

        for (var i = 0; i < VerifiedBlobs.Limit; i++) verified.Whole($"hash-{i}", file);

        Assert.Equal(hash, verified.Check("other-name-of-the-same-bytes", file)); // forgotten, so read and found to be another blob
    }

    public void Dispose() => File.Delete(_file);
}
