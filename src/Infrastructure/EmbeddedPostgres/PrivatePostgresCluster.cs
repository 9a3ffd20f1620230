using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace WapListing.Infrastructure.EmbeddedPostgres;

/// <summary>
/// A private PostgreSQL cluster made from the machine's own binaries, for development and tests only.
/// It lives under /var/tmp (reachable by the postgres OS user even when the clone is under /root),
/// keeps a short socket path, remembers its free port, and is reused when a previous run left it running.
/// </summary>
public sealed class PrivatePostgresCluster
{
    private const string ServiceUser = "postgres";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(2);

    private readonly Action<string> _log;
    private readonly string _root;
    private readonly string _portFile;
    private readonly string _lockFile;
    private readonly string _logFile;

    public PrivatePostgresCluster(string name, string workspaceKey, Action<string>? log = null)
    {
        _log = log ?? (_ => { });
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(workspaceKey)))[..8];
        _root = Path.Combine("/var/tmp", $"waplisting-{name}-{hash}");
        DataDirectory = Path.Combine(_root, "data");
        _portFile = Path.Combine(_root, "port");
        _lockFile = Path.Combine(_root, "lock");
        _logFile = Path.Combine(_root, "server.log");
    }

    public string DataDirectory { get; }

    private static bool RunningAsRoot => Environment.UserName == "root";

    /// <summary>The folder holding initdb and pg_ctl: first on PATH, else the newest /usr/lib/postgresql/*/bin.</summary>
    public static string FindBinDirectory()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasBinaries);
        if (onPath is not null)
        {
            return onPath;
        }

        const string debianRoot = "/usr/lib/postgresql";
        var versioned = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(dir => (Dir: Path.Combine(dir, "bin"), Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : 0))
                .Where(candidate => HasBinaries(candidate.Dir))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Dir)
                .FirstOrDefault()
            : null;
        return versioned ?? throw new PostgresBinariesNotFoundException();

        static bool HasBinaries(string dir) =>
            File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));
    }

    /// <summary>Starts the cluster unless it already runs; returns a server connection string without a database.</summary>
    public string EnsureRunning()
    {
        var bin = FindBinDirectory();
        Directory.CreateDirectory(_root);
        using var clusterLock = AcquireLock();
        GiveToServiceUser(_root);

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            Initialize(bin);
        }

        var runningPort = RunningPort(bin);
        if (runningPort is { } port)
        {
            _log($"Reusing the private PostgreSQL on port {port}.");
        }
        else
        {
            port = ChoosePort();
            Start(bin, port);
            _log($"Started a private PostgreSQL on port {port}.");
        }

        return $"Host=127.0.0.1;Port={port};Username=postgres";
    }

    public bool IsRunning => RunningPort(FindBinDirectory()) is not null;

    public void Stop()
    {
        var bin = FindBinDirectory();
        if (RunningPort(bin) is not null)
        {
            RunAsServiceUser(Path.Combine(bin, "pg_ctl"), "stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60");
        }
    }

    private void Initialize(string bin)
    {
        _log($"Creating a private PostgreSQL cluster in {DataDirectory} ...");
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        RunAsServiceUser(Path.Combine(bin, "initdb"), "-D", DataDirectory, "-A", "trust", "-U", "postgres",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        File.AppendAllText(Path.Combine(DataDirectory, "postgresql.conf"), $"""

            # WapListing private cluster (development and tests only)
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{_root}'
            max_connections = 300
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            """);
        GiveToServiceUser(_root);
    }

    private void Start(string bin, int port)
    {
        File.WriteAllText(_portFile, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        GiveToServiceUser(_root);
        RunAsServiceUser(Path.Combine(bin, "pg_ctl"), "start", "-D", DataDirectory, "-w", "-t", "60",
            "-l", _logFile, "-o", $"-p {port}");
    }

    /// <summary>The port of the postmaster that runs on this data folder, if one does.</summary>
    private int? RunningPort(string bin)
    {
        if (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            return null;
        }

        var (exitCode, _) = Run(ServiceCommand(Path.Combine(bin, "pg_ctl"), "status", "-D", DataDirectory));
        if (exitCode != 0)
        {
            return null;
        }

        // postmaster.pid line 4 holds the port.
        var lines = File.ReadAllLines(Path.Combine(DataDirectory, "postmaster.pid"));
        return lines.Length > 3 && int.TryParse(lines[3], out var port) ? port : null;
    }

    private int ChoosePort()
    {
        if (File.Exists(_portFile) && int.TryParse(File.ReadAllText(_portFile).Trim(), out var remembered) && IsFree(remembered))
        {
            return remembered;
        }

        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private FileStream AcquireLock()
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(_lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < LockTimeout)
            {
                Thread.Sleep(200);
            }
        }
    }

    private static void GiveToServiceUser(string path)
    {
        if (RunningAsRoot)
        {
            Check(Run(("chown", ["-R", $"{ServiceUser}:", path])), "chown");
        }
    }

    private static void RunAsServiceUser(string file, params string[] args) =>
        Check(Run(ServiceCommand(file, args)), Path.GetFileName(file));

    private static (string File, string[] Args) ServiceCommand(string file, params string[] args) =>
        RunningAsRoot ? ("runuser", ["-u", ServiceUser, "--", file, .. args]) : (file, args);

    private static void Check((int ExitCode, string Output) result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed with exit code {result.ExitCode}:\n{result.Output}");
        }
    }

    private static (int ExitCode, string Output) Run((string File, string[] Args) command)
    {
        var start = new ProcessStartInfo(command.File)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var arg in command.Args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command.File}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        // A server started by pg_ctl could keep inherited pipes open; never wait on them for long.
        Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(5));
        var output = (stdout.IsCompletedSuccessfully ? stdout.Result : string.Empty)
            + (stderr.IsCompletedSuccessfully ? stderr.Result : string.Empty);
        return (process.ExitCode, output);
    }
}
