// Serves predictions from an ONNX model exported by DeepForge:
//   dotnet run -- --model model.onnx [--classes "T-shirt/top,Trouser,..."] [--urls http://localhost:5080]
//   POST /predict {"images": [[...pixels of image 1...], [...]]}  ->  [{"class": 9, "label": "Ankle boot", "scores": [...]}, ...]
//   GET  /        the model's input shape, output name and classes
using OnnxPredictions;

var builder = WebApplication.CreateBuilder(args);
var path = builder.Configuration["model"];
if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
{
    Console.Error.WriteLine(string.IsNullOrWhiteSpace(path)
        ? "error: no model: pass --model FILE, an ONNX file from 'deepforge artifacts export PROJECT MODEL --format onnx'"
        : $"error: there is no model file {Path.GetFullPath(path)}");
    return 2;
}
var classes = builder.Configuration["classes"]?.Split(',', StringSplitOptions.TrimEntries) ?? [];
builder.Services.AddSingleton(new OnnxModel(path, classes));
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.WriteIndented = false);

var app = builder.Build();
app.MapGet("/", (OnnxModel model) => model.Describe());
app.MapPost("/predict", (PredictRequest request, OnnxModel model) =>
    model.Check(request) is { } problem ? Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest) : Results.Ok(model.Predict(request)));
app.Run();
return 0;
