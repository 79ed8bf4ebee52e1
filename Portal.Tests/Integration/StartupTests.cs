using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Seed;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

public sealed class StartupTests
{
    [Fact]
    public async Task A_fresh_database_is_migrated_and_seeded_and_healthz_reports_healthy()
    {
        using var app = new PortalAppFactory();
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Sqlite", body.RootElement.GetProperty("checks")[0].GetProperty("provider").GetString());
        Assert.True(File.Exists(app.DatabaseFile));

        await using var db = await app.CreateContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(DemoData.Agents.Count, await db.Agents.CountAsync());
        Assert.Equal(DemoData.Users.Count, await db.Users.CountAsync());
        Assert.Equal(DemoData.Products.Count, await db.Products.CountAsync());
        Assert.Equal(DemoData.Customers.Count, await db.Customers.CountAsync());
        Assert.True(await db.Regions.CountAsync() > 370);
    }

    [Fact]
    public async Task Liveness_asks_nothing_of_the_database_and_readiness_checks_it_as_healthz_does()
    {
        using var app = new PortalAppFactory();
        using var client = app.CreateClient();

        using var live = JsonDocument.Parse(await client.GetStringAsync(new Uri("/healthz/live", UriKind.Relative)));
        using var ready = JsonDocument.Parse(await client.GetStringAsync(new Uri("/healthz/ready", UriKind.Relative)));
        using var health = JsonDocument.Parse(await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));

        Assert.Equal("Healthy", live.RootElement.GetProperty("status").GetString());
        Assert.Equal(0, live.RootElement.GetProperty("checks").GetArrayLength());
        foreach (var readiness in new[] { ready, health })
        {
            Assert.Equal("Healthy", readiness.RootElement.GetProperty("status").GetString());
            Assert.Equal("database", readiness.RootElement.GetProperty("checks")[0].GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task A_second_start_on_the_same_database_adds_nothing()
    {
        using var folder = new TempDirectory();
        var before = await CountsAfterBootAsync(folder.Path);
        var after = await CountsAfterBootAsync(folder.Path);

        Assert.Equal(before, after);
    }

    [Fact]
    public async Task The_sqlite_file_runs_in_wal_mode()
    {
        using var app = new PortalAppFactory();
        _ = app.Services;

        await using var db = await app.CreateContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var app = new PortalAppFactory();
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Account/Register")]
    [InlineData("/account/register")]
    [InlineData("/register")]
    public async Task There_is_no_self_registration_page(string path)
    {
        using var app = new PortalAppFactory();
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<(int Regions, int Agents, int Users, int Products, int Customers, int Protections, int Audit)> CountsAfterBootAsync(string folder)
    {
        using var app = new PortalAppFactory(folder);
        await using var db = await app.CreateContextAsync();
        return (
            await db.Regions.CountAsync(),
            await db.Agents.CountAsync(),
            await db.Users.CountAsync(),
            await db.Products.CountAsync(),
            await db.Customers.CountAsync(),
            await db.CustomerProtections.CountAsync(),
            await db.AuditEntries.CountAsync());
    }
}
