using ConfigCluster.Baseline;

// Bare Kestrel: the gateway's read routes, each answering fixed bytes captured from the gateway
// (--Baseline:ConfigBody, --Baseline:ListBody, --Baseline:OfrepBody, --Baseline:OfrepBulkBody and
// --Baseline:RegistryBody name the files; --urls the address).
var builder = WebApplication.CreateSlimBuilder(args);
// No logging at all: with any logger on, hosting makes an Activity and a log scope per request.
builder.Logging.ClearProviders();
var bodies = CapturedBodies.Load(builder.Configuration);

var app = builder.Build();
app.MapCapturedBodies(bodies);
app.Run();
