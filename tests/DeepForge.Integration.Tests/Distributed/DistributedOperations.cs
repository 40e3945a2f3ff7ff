namespace DeepForge.Integration.Tests.Distributed;

/// <summary>
/// Operations the distributed tests' seeds compile at run time. Each one that the tests watch writes
/// "<name> start <pid>" to a counter file first (the pid of the job's child process on the worker),
/// so a test can tell when it runs, how often, and which process to look for.
/// </summary>
internal static class DistributedOperations
{
    public const string FileName = "DistributedOperations.cs";

    public const string Source = """
        /// <summary>Appends "name start pid", waits for the release file when one is named, appends "name done" and passes value + 1 on.</summary>
        [Operation(Category = "Test")]
        public sealed class Hold(string counter, string name, string release = "") : Operation
        {
            [return: Output("value")]
            public int Execute(OperationContext context, int value = 0)
            {
                File.AppendAllText(counter, $"{name} start {Environment.ProcessId}\n");
                var deadline = DateTime.UtcNow.AddMinutes(3);
                while (release.Length > 0 && !File.Exists(release))
                {
                    if (DateTime.UtcNow > deadline) throw new TimeoutException($"{release} did not appear within 3 minutes");
                    context.CancellationToken.ThrowIfCancellationRequested();
                    Thread.Sleep(50);
                }
                File.AppendAllText(counter, $"{name} done\n");
                return value + 1;
            }
        }

        /// <summary>A text of the given length, the same for the same seed.</summary>
        [Operation(Category = "Test")]
        public sealed class MakeText(int length, int seed) : Operation
        {
            [return: Output("text")]
            public string Execute()
            {
                var random = new Random(seed);
                var chars = new char[length];
                for (var i = 0; i < length; i++) chars[i] = (char)('a' + random.Next(26));
                return new string(chars);
            }
        }

        /// <summary>Like Hold, for text: waits for the release file, then gives the text in capitals.</summary>
        [Operation(Category = "Test")]
        public sealed class HoldText(string counter, string name, string release) : Operation
        {
            [return: Output("text")]
            public string Execute(string text, OperationContext context)
            {
                File.AppendAllText(counter, $"{name} start {Environment.ProcessId}\n");
                var deadline = DateTime.UtcNow.AddMinutes(3);
                while (!File.Exists(release))
                {
                    if (DateTime.UtcNow > deadline) throw new TimeoutException($"{release} did not appear within 3 minutes");
                    context.CancellationToken.ThrowIfCancellationRequested();
                    Thread.Sleep(50);
                }
                File.AppendAllText(counter, $"{name} done\n");
                return text.ToUpperInvariant();
            }
        }

        /// <summary>Appends "name start pid", then runs until it is stopped (three minutes at most).</summary>
        [Operation(Category = "Test")]
        public sealed class RunUntilStopped(string counter, string name) : Operation
        {
            [return: Output("value")]
            public int Execute(OperationContext context)
            {
                File.AppendAllText(counter, $"{name} start {Environment.ProcessId}\n");
                var deadline = DateTime.UtcNow.AddMinutes(3);
                while (DateTime.UtcNow < deadline)
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    Thread.Sleep(50);
                }
                throw new TimeoutException("nobody stopped this within 3 minutes");
            }
        }

        /// <summary>Needs a worker with the gpu label; appends "name start pid" and "name done".</summary>
        [Operation(Category = "Test", Labels = new[] { "gpu" })]
        public sealed class OnGpu(string counter, string name) : Operation
        {
            [return: Output("value")]
            public int Execute()
            {
                File.AppendAllText(counter, $"{name} start {Environment.ProcessId}\n");
                File.AppendAllText(counter, $"{name} done\n");
                return 42;
            }
        }
        """;
}
