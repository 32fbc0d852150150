using Relais.Web.Hosting;

var app = RelaisApp.Create(args);
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
