using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Channels.Tools;

/// <summary>
/// Cold start as a user meets it: a new portal process on a database no portal has run on yet (a new SQLite file,
/// an empty PostgreSQL database), timed from
/// starting the process to the first 200 from <c>/healthz</c> — the runtime starting, the schema migrated, the
/// regions, roles and demo data seeded and Kestrel listening.
/// </summary>
internal static class ColdStart
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static async Task<LatencyStats> MeasureAsync(ToolDatabase like, int runs)
    {
        var samples = new List<double>(runs);
        for (var run = 0; run < runs; run++)
        {
            samples.Add(await OnceAsync(like).ConfigureAwait(false));
        }

        return LatencyStats.Of(samples);
    }

    private static async Task<double> OnceAsync(ToolDatabase like)
    {
        var (settings, remove) = await like.Engine.FreshAsync(like).ConfigureAwait(false);
        try
        {
            return await TimeToHealthyAsync(settings).ConfigureAwait(false);
        }
        finally
        {
            await remove().ConfigureAwait(false);
        }
    }

    /// <summary>Starts the portal with <paramref name="settings"/> (its database) and times it to the first healthy answer.</summary>
    private static async Task<double> TimeToHealthyAsync(IReadOnlyList<string> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(PortalEntryPoint());
        start.ArgumentList.Add("--urls=http://127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        start.ArgumentList.Add("--Operations:ExpiryJobEnabled=false");
        start.Environment.Remove("DOTNET_DiagnosticPorts"); // a profiler attached to this process must not hold the child
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        var began = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The portal process did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The portal exited with code {process.ExitCode} before answering /healthz.");
                }

                if (Stopwatch.GetElapsedTime(began) > Limit)
                {
                    throw new TimeoutException($"The portal did not answer /healthz within {Limit.TotalSeconds:0} s.");
                }

                if (await HealthyAsync(client).ConfigureAwait(false))
                {
                    return Stopwatch.GetElapsedTime(began).TotalMilliseconds;
                }

                // Polling resolution: the figure is seconds, 10 ms is below its noise.
                await Task.Delay(10).ConfigureAwait(false);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    private static async Task<bool> HealthyAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative)).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// <c>Portal.dll</c> as the build copies it beside the tools (or the tests), with the <c>runtimeconfig.json</c> that
    /// <c>dotnet</c> needs to start it and the <c>appsettings.json</c> it reads from its working directory.
    /// </summary>
    private static string PortalEntryPoint()
    {
        var portal = ToolHost.PortalAssembly.Location;
        var runtimeConfig = Path.ChangeExtension(portal, ".runtimeconfig.json");
        return File.Exists(runtimeConfig)
            ? portal
            : throw new InvalidOperationException($"{runtimeConfig} is missing: the portal cannot be started from {AppContext.BaseDirectory}.");
    }

    /// <summary>The <c>dotnet</c> host that runs this process (set by the SDK), or the one on the path.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        return Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
