using Portal.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

var app = builder.Build();
await app.PrepareDatabaseAsync().ConfigureAwait(false);
app.UsePortal();
app.AnnounceStartup();

await app.RunAsync().ConfigureAwait(false);
return 0;

/// <summary>The portal's entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
