// One test class at a time: BlazorMonaco 3.0.0 (the newest served here) keeps one static IJSRuntime, so a bUnit test's
// editor could be created through a browser test's circuit running beside it ("Cannot read properties of null
// (reading 'parentNode')" in a full run). The same static is a defect of the designer itself with several people at
// once, noted for mending; until then the tests do not run side by side.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
