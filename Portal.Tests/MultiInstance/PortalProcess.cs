using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.MultiInstance;

/// <summary>
/// A child process the tests start and always end: a portal instance (<c>dotnet Portal.dll</c>) or nginx. Its output is
/// kept (the last lines) so that a failure says what the child said.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private const int KeptLines = 200;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildProcess(string name, ProcessStartInfo start)
    {
        Name = name;
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote, for a failure's message.</summary>
    public string Output => string.Join('\n', _output);

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new ChildProcess(name, start);
    }

    /// <summary>Ends the process (and anything it started) at once, as a crash or a pulled plug would.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.WaitForExit();
    }

    /// <summary>Waits for the process to end by itself; its exit code, or -1 (after killing it) past the deadline.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            Kill();
            return -1;
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }
}

/// <summary>A child process serving plain HTTP on a loopback port: a portal instance or nginx.</summary>
public abstract class LoopbackServer : IDisposable
{
    protected LoopbackServer(int port, ChildProcess process)
    {
        Port = port;
        Address = new Uri($"http://127.0.0.1:{port}/");
        Process = process;
    }

    public int Port { get; }

    public Uri Address { get; }

    public bool HasExited => Process.HasExited;

    public virtual string Output => Process.Output;

    protected ChildProcess Process { get; }

    /// <summary>Polls the server's readiness until it answers 200, failing with its output when it dies or the deadline passes.</summary>
    public Task WaitUntilReadyAsync(TimeSpan within) => ChildReadiness.WaitForAsync(Process, Address, within);

    /// <summary>Kills the server as a crash would: no shutdown, no goodbye to its connections.</summary>
    public void Kill() => Process.Kill();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Process.Dispose();
        }
    }
}

/// <summary>One portal instance in its own process.</summary>
public sealed class PortalProcess : LoopbackServer
{
    private PortalProcess(string name, int port, ChildProcess process)
        : base(port, process)
    {
        Name = name;
    }

    /// <summary>The instance's <c>Instance:Name</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// The portal as it is deployed: published (static web assets in wwwroot, served with their types) from the build
    /// next to the tests (<c>Portal/bin/&lt;configuration&gt;</c>, the tests' configuration), once per test run.
    /// </summary>
    public static Task<string> PublishedPortalAsync() => Published.Value;

    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    private static async Task<string> PublishAsync()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var folder = Path.Combine(output.FullName, "multi-instance", "portal");
        using var publish = ChildProcess.Start(
            "dotnet publish",
            "dotnet",
            ["publish", Path.Combine(SourceFiles.Root, "Portal", "Portal.csproj"), "-c", output.Parent!.Name, "--no-build", "-o", folder],
            SourceFiles.Root);
        var exitCode = await publish.WaitForExitAsync(TimeSpan.FromMinutes(5));
        var dll = Path.Combine(folder, "Portal.dll");
        return exitCode == 0 && File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"The portal could not be published (build the solution first):\n{publish.Output}");
    }

    /// <summary>Starts an instance with the settings given (command-line configuration, as an operator would pass them).</summary>
    public static async Task<PortalProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var portal = await PublishedPortalAsync();
        var port = FreePort();
        var arguments = new List<string> { portal, "--urls", $"http://127.0.0.1:{port}", $"--Instance:Name={name}" };
        arguments.AddRange(settings.Select(s => $"--{s.Key}={s.Value}"));
        var environment = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_NOLOGO"] = "1" };
        var process = ChildProcess.Start($"portal {name}", "dotnet", arguments, Path.GetDirectoryName(portal)!, environment);
        return new PortalProcess(name, port, process);
    }

    /// <summary>A loopback port nobody listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>Waits for a child to answer, polling with a deadline (never a fixed sleep).</summary>
internal static class ChildReadiness
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Polls <c>/healthz/ready</c> (database reachable, migrations applied) under <paramref name="address"/> — or
    /// <c>/healthz</c>, where the readiness endpoint is not there (404) — until it answers 200.
    /// </summary>
    public static async Task WaitForAsync(ChildProcess process, Uri address, TimeSpan within)
    {
        var probe = new Uri(address, "/healthz/ready");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        string last = "no answer yet";
        while (deadline.Elapsed < within)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.Name} exited before it was ready:\n{process.Output}");
            }

            try
            {
                using var response = await client.GetAsync(probe);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    probe = new Uri(address, "/healthz");
                }

                last = $"{(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException)
            {
                last = "timed out";
            }

            await Task.Delay(PollEvery);
        }

        throw new TimeoutException($"{process.Name} was not ready at {probe} within {within} (last: {last}):\n{process.Output}");
    }
}
