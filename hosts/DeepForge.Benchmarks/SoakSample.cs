namespace DeepForge.Benchmarks;

/// <summary>
/// One measurement of <c>bench soak</c>, taken from outside the processes: after how many edits and runs, the server's
/// resident memory, and the bytes of the store's files, the server's blob folder and the worker's cache and job folders.
/// </summary>
internal sealed record SoakSample(string Phase, int Edits, int Runs, double ServerRssMb, long StoreBytes, long BlobFolderBytes, long WorkerCacheBytes, long WorkerDirBytes);
