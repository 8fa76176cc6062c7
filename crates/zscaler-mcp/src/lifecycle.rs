//! Process lifecycle: the PID file of a serving process, and the `status`, `reload`, `restart`
//! and `stop` subcommands that find it through that file.
//!
//! - The serving process writes the PID file (a JSON record: pid, argv, `.env` path, transport,
//!   bind, start time, version) atomically and exclusively before it serves, refuses to start
//!   when a live process already owns it, rewrites it with the bound port, and removes it on
//!   every clean exit (SIGTERM, SIGINT, stdin EOF, a start failure, and before a restart).
//! - Where: `--pid-file` / `ZSCALER_MCP_PID_FILE`; otherwise, on an HTTP transport with a fixed
//!   port, [`crate::config::default_pid_file`] (one file per port, since two servers cannot
//!   share a port; stdio servers, started once per client, and port 0 write none unless told
//!   to). See [`Config::serving_pid_file`].
//! - Signals of the serving process (Unix): SIGHUP reloads the configuration
//!   (`server::reload`), SIGUSR2 drains like SIGTERM and then re-executes the binary in place
//!   (same PID), SIGTERM/SIGINT stop.
//!
//! Messages and exit codes of the subcommands are in `docs/operations.md`: 0 done, 1 no server
//! (missing or stale PID file, a signal refused), 2 bad usage or an unsupported platform.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::config::Config;

/// What the PID file says about the serving process.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PidRecord {
    pub pid: u32,
    /// The command line, to re-execute on restart (arguments hold no secrets: credentials are
    /// environment-only settings).
    pub argv: Vec<String>,
    /// The `.env` file that was loaded, if any: what a reload reads again.
    pub dotenv_path: Option<String>,
    pub transport: String,
    /// The bind of an HTTP transport (`None` on stdio).
    pub host: Option<String>,
    pub port: Option<u16>,
    /// Seconds since the Unix epoch.
    pub started_at: f64,
    pub version: String,
}

impl PidRecord {
    /// The same process start: same pid, and the same start time as far as a JSON round trip
    /// keeps it (serde_json may read a float back one unit in the last place off).
    pub fn is_same_start(&self, other: &PidRecord) -> bool {
        self.pid == other.pid && (self.started_at - other.started_at).abs() < 1e-3
    }

    /// The record of this process serving `config`.
    pub fn of(config: &Config) -> PidRecord {
        let http = config.transport.is_http();
        PidRecord {
            pid: std::process::id(),
            argv: std::env::args_os()
                .map(|a| a.to_string_lossy().into_owned())
                .collect(),
            dotenv_path: config.dotenv_file.as_ref().map(|p| p.display().to_string()),
            transport: config.transport.as_str().to_string(),
            host: http.then(|| config.http.host.clone()),
            port: http.then_some(config.http.port),
            started_at: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap_or(Duration::ZERO)
                .as_secs_f64(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        }
    }
}

/// Why the PID file could not be taken.
#[derive(Debug)]
pub enum PidError {
    /// A live process owns it.
    Running { path: PathBuf, pid: u32 },
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl std::fmt::Display for PidError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PidError::Running { path, pid } => write!(
                f,
                "another zscaler-mcp server (pid {pid}) owns the PID file {}: stop it first \
                 (zscaler-mcp --pid-file {} stop) or give this one another --pid-file",
                path.display(),
                path.display()
            ),
            PidError::Io { path, source } => {
                write!(f, "cannot write the PID file {}: {source}", path.display())
            }
        }
    }
}

/// The PID file of this serving process; removed when dropped (if it is still ours).
#[derive(Debug)]
pub struct PidFile {
    path: PathBuf,
    record: PidRecord,
}

impl PidFile {
    /// Writes `record` at `path`, atomically and only if no live process owns the file: a stale
    /// file (its process is gone) is replaced, with a warning. `create_dir`: create the missing
    /// directory (the default location; a configured path's directory must exist).
    pub fn acquire(path: &Path, record: PidRecord, create_dir: bool) -> Result<PidFile, PidError> {
        let io = |source: std::io::Error| PidError::Io {
            path: path.to_path_buf(),
            source,
        };
        if create_dir && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            create_private_dir(dir).map_err(io)?;
        }
        let tmp = temp_path(path);
        write_file(&tmp, &record).map_err(io)?;
        // A hard link fails when the file exists: exclusive and atomic (never a half-written
        // file). A stale file is removed and the link tried once more.
        let mut result = std::fs::hard_link(&tmp, path);
        if result
            .as_ref()
            .is_err_and(|e| e.kind() == std::io::ErrorKind::AlreadyExists)
        {
            match read(path) {
                Ok(Some(other))
                    if other.pid != record.pid && alive(other.pid) == Liveness::Alive =>
                {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(PidError::Running {
                        path: path.to_path_buf(),
                        pid: other.pid,
                    });
                }
                Ok(Some(other)) if other.pid != record.pid => tracing::warn!(
                    "replacing the stale PID file {} (pid {} is not running)",
                    path.display(),
                    other.pid
                ),
                Ok(_) => {}
                Err(why) => tracing::warn!(
                    "replacing the unreadable PID file {}: {why}",
                    path.display()
                ),
            }
            let _ = std::fs::remove_file(path);
            result = std::fs::hard_link(&tmp, path);
        }
        let _ = std::fs::remove_file(&tmp);
        result.map_err(io)?;
        tracing::info!("Wrote PID file: {} (pid={})", path.display(), record.pid);
        Ok(PidFile {
            path: path.to_path_buf(),
            record,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Rewrites the record with the port actually bound (port 0 asked for a free one).
    pub fn set_port(&mut self, port: u16) {
        if self.record.port == Some(port) {
            return;
        }
        self.record.port = Some(port);
        let tmp = temp_path(&self.path);
        if let Err(e) =
            write_file(&tmp, &self.record).and_then(|()| std::fs::rename(&tmp, &self.path))
        {
            let _ = std::fs::remove_file(&tmp);
            tracing::warn!("cannot update the PID file {}: {e}", self.path.display());
        }
    }
}

impl Drop for PidFile {
    fn drop(&mut self) {
        // Only our own record is removed: never a file another process has taken since.
        match read(&self.path) {
            Ok(Some(r)) if r.is_same_start(&self.record) => {
                match std::fs::remove_file(&self.path) {
                    Ok(()) => tracing::info!("Removed PID file: {}", self.path.display()),
                    Err(e) => {
                        tracing::warn!("cannot remove the PID file {}: {e}", self.path.display())
                    }
                }
            }
            _ => {}
        }
    }
}

fn temp_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{}.tmp", std::process::id()));
    path.with_file_name(name)
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

fn write_file(path: &Path, record: &PidRecord) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(record).map_err(std::io::Error::other)?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o644);
    let mut file = options.open(path)?;
    file.write_all(text.as_bytes())?;
    file.write_all(b"\n")?;
    file.sync_all()
}

/// The record at `path`: `Ok(None)` when there is no file, `Err` when it is not a PID record.
pub fn read(path: &Path) -> Result<Option<PidRecord>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| format!("not a zscaler-mcp PID record ({e})"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Liveness {
    Alive,
    Gone,
}

/// Whether process `pid` exists (signal 0). A process we may not signal exists.
#[cfg(unix)]
pub fn alive(pid: u32) -> Liveness {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return Liveness::Gone;
    };
    match rustix::process::test_kill_process(pid) {
        Ok(()) if zombie(pid.as_raw_nonzero().get()) => Liveness::Gone,
        Ok(()) => Liveness::Alive,
        Err(e) if e == rustix::io::Errno::PERM => Liveness::Alive,
        Err(_) => Liveness::Gone,
    }
}

/// An exited process its parent has not reaped yet still answers signal 0; on Linux its state
/// in `/proc/<pid>/stat` tells (`Z`, or `X` dead). Elsewhere: not known, so not a zombie.
#[cfg(unix)]
fn zombie(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            let after = stat.rsplit_once(')')?.1;
            after
                .split_whitespace()
                .next()
                .map(|state| state == "Z" || state == "X")
        })
        .unwrap_or(false)
}

#[cfg(not(unix))]
pub fn alive(_pid: u32) -> Liveness {
    Liveness::Alive
}

pub use crate::config::LifecycleAction as Action;

/// What a subcommand printed and its exit code.
#[derive(Debug)]
pub struct Report {
    pub stdout: String,
    pub stderr: String,
    pub code: u8,
}

impl Report {
    fn out(stdout: String, code: u8) -> Report {
        Report {
            stdout,
            stderr: String::new(),
            code,
        }
    }
    fn err(stderr: String, code: u8) -> Report {
        Report {
            stdout: String::new(),
            stderr,
            code,
        }
    }
}

/// Runs a lifecycle subcommand against the server owning `path`. `wait` bounds how long `stop`
/// and `restart` wait for the server to finish (its shutdown grace and a margin).
pub fn run(action: Action, path: &Path, wait: Duration) -> Report {
    let record = match read(path) {
        Ok(Some(r)) => r,
        Ok(None) if action == Action::Status => {
            return Report::err(
                format!(
                    "No zscaler-mcp server PID file found at {}.\n",
                    path.display()
                ),
                1,
            );
        }
        Ok(None) => {
            return Report::err(
                format!(
                    "No running zscaler-mcp server found (PID file {} missing).\n",
                    path.display()
                ),
                1,
            );
        }
        Err(why) => {
            return Report::err(
                format!(
                    "The PID file {} cannot be used: {why}. It was left in place.\n",
                    path.display()
                ),
                1,
            );
        }
    };
    if alive(record.pid) == Liveness::Gone {
        let removed = match std::fs::remove_file(path) {
            Ok(()) => "removed the stale file".to_string(),
            Err(e) => format!("could not remove the stale file: {e}"),
        };
        let mut report = Report::err(
            format!(
                "PID file {} references pid {}, but no such process exists. The server likely \
                 crashed or was killed; {removed}.\n",
                path.display(),
                record.pid
            ),
            1,
        );
        if action == Action::Status {
            report.stdout = status_block(path, &record, false);
        }
        return report;
    }
    match action {
        Action::Status => Report::out(status_block(path, &record, true), 0),
        Action::Reload => signal(&record, Signal::Reload).map_or_else(
            |e| e,
            |()| {
                Report::out(
                    format!(
                        "Sent SIGHUP to zscaler-mcp (pid={}). MCP sessions preserved.\n  \
                         env source : {}\n  effect     : the configuration is parsed again \
                         (flags, environment, .env); the settings that can change at run time \
                         are applied, the others are logged as needing a restart.\n  \
                         outcome    : in the server's log (\"configuration reload\").\n",
                        record.pid,
                        record
                            .dotenv_path
                            .as_deref()
                            .unwrap_or("the process environment only (no .env)")
                    ),
                    0,
                )
            },
        ),
        Action::Restart => {
            if let Err(e) = signal(&record, Signal::Restart) {
                return e;
            }
            // The new image writes a new record (same pid, later start) once it serves again.
            let deadline = std::time::Instant::now() + wait;
            while std::time::Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(100));
                if let Ok(Some(new)) = read(path)
                    && new.pid == record.pid
                    && new.started_at > record.started_at
                {
                    return Report::out(
                        format!(
                            "Sent SIGUSR2 to zscaler-mcp (pid={}). The server drained and \
                             re-executed itself in place (same PID); it serves again.\n",
                            record.pid
                        ),
                        0,
                    );
                }
                if alive(record.pid) == Liveness::Gone {
                    return Report::err(
                        format!(
                            "Sent SIGUSR2 to zscaler-mcp (pid={}), but the process exited \
                             instead of restarting: see its log.\n",
                            record.pid
                        ),
                        1,
                    );
                }
            }
            Report::err(
                format!(
                    "Sent SIGUSR2 to zscaler-mcp (pid={}); it has not written a new PID file \
                     within {} s: see its log.\n",
                    record.pid,
                    wait.as_secs()
                ),
                1,
            )
        }
        Action::Stop => {
            if let Err(e) = signal(&record, Signal::Stop) {
                return e;
            }
            let deadline = std::time::Instant::now() + wait;
            while std::time::Instant::now() < deadline {
                if alive(record.pid) == Liveness::Gone {
                    return Report::out(
                        format!(
                            "Sent SIGTERM to zscaler-mcp (pid={}). It stopped; it will not \
                             respawn.\n",
                            record.pid
                        ),
                        0,
                    );
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            Report::err(
                format!(
                    "Sent SIGTERM to zscaler-mcp (pid={}); it is still running after {} s \
                     (in-flight calls draining?).\n",
                    record.pid,
                    wait.as_secs()
                ),
                1,
            )
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Signal {
    Reload,
    Restart,
    Stop,
}

#[cfg(unix)]
fn signal(record: &PidRecord, which: Signal) -> Result<(), Report> {
    use rustix::process::{Pid, Signal as S, kill_process};
    let (sig, name) = match which {
        Signal::Reload => (S::HUP, "SIGHUP"),
        Signal::Restart => (S::USR2, "SIGUSR2"),
        Signal::Stop => (S::TERM, "SIGTERM"),
    };
    let Some(pid) = i32::try_from(record.pid).ok().and_then(Pid::from_raw) else {
        return Err(Report::err(
            format!("The PID file names an invalid pid {}.\n", record.pid),
            1,
        ));
    };
    kill_process(pid, sig).map_err(|e| {
        Report::err(
            format!(
                "Cannot send {name} to zscaler-mcp (pid={}): {e}. Run as the user that runs the \
                 server.\n",
                record.pid
            ),
            1,
        )
    })
}

#[cfg(not(unix))]
fn signal(_record: &PidRecord, _which: Signal) -> Result<(), Report> {
    Err(unsupported())
}

/// Lifecycle subcommands need Unix signals.
pub fn unsupported() -> Report {
    Report::err(
        "Lifecycle subcommands (status, reload, restart, stop) are supported on Unix only: this \
         platform has no SIGHUP or SIGUSR2.\n"
            .to_string(),
        2,
    )
}

fn status_block(path: &Path, record: &PidRecord, alive: bool) -> String {
    let mut out = String::from("zscaler-mcp lifecycle status\n");
    out.push_str(&"=".repeat(40));
    out.push('\n');
    let mut row = |name: &str, value: &str| out.push_str(&format!("{name:<12}: {value}\n"));
    row("pid file", &path.display().to_string());
    row("pid", &record.pid.to_string());
    row("alive", if alive { "yes" } else { "NO (stale PID file)" });
    if alive {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or(Duration::ZERO)
            .as_secs_f64();
        row("uptime", &uptime((now - record.started_at).max(0.0) as u64));
    }
    row(
        "started at",
        &format!("{:.3} (Unix time)", record.started_at),
    );
    row("version", &record.version);
    row("transport", &record.transport);
    if let (Some(host), Some(port)) = (&record.host, record.port) {
        let host = if host.contains(':') {
            format!("[{host}]")
        } else {
            host.clone()
        };
        row("bind", &format!("{host}:{port}"));
    }
    row(
        "dotenv path",
        record.dotenv_path.as_deref().unwrap_or("(none)"),
    );
    row(
        "reload",
        "zscaler-mcp reload (SIGHUP): logging, audit, tool selection, write allowlist",
    );
    row(
        "restart",
        "zscaler-mcp restart (SIGUSR2): drain, re-execute in place, same PID",
    );
    row("argv", &record.argv.join(" "));
    out
}

fn uptime(secs: u64) -> String {
    let (d, h, m, s) = (secs / 86_400, secs / 3600 % 24, secs / 60 % 60, secs % 60);
    match (d, h, m) {
        (0, 0, 0) => format!("{s}s"),
        (0, 0, _) => format!("{m}m {s}s"),
        (0, _, _) => format!("{h}h {m}m {s}s"),
        _ => format!("{d}d {h}h {m}m"),
    }
}

/// Re-executes this binary with the same arguments and environment (same PID). Returns only if
/// that failed. The binary is looked up as it was started (`argv[0]`, so an upgraded binary at
/// the same path is the one run), falling back to the running executable's path.
#[cfg(unix)]
pub fn reexec() -> std::io::Error {
    use std::os::unix::process::CommandExt as _;
    let mut args = std::env::args_os();
    let first = args.next();
    let rest: Vec<std::ffi::OsString> = args.collect();
    let mut last = std::io::Error::other("no program to execute");
    let candidates = first
        .into_iter()
        .map(PathBuf::from)
        .chain(std::env::current_exe().ok());
    for program in candidates {
        last = std::process::Command::new(&program).args(&rest).exec();
        tracing::warn!("cannot re-execute {}: {last}", program.display());
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(pid: u32) -> PidRecord {
        PidRecord {
            pid,
            argv: vec!["zscaler-mcp".into()],
            dotenv_path: None,
            transport: "streamable-http".into(),
            host: Some("127.0.0.1".into()),
            port: Some(8000),
            started_at: 1.0,
            version: "0".into(),
        }
    }

    #[test]
    fn a_start_time_read_back_one_ulp_off_is_the_same_start() {
        let mut a = record(42);
        a.started_at = 1_796_342_400.123_456_7;
        let mut b = a.clone();
        b.started_at = f64::from_bits(a.started_at.to_bits() + 1);
        assert_ne!(a.started_at, b.started_at);
        assert!(a.is_same_start(&b));
        b.started_at += 1.0;
        assert!(
            !a.is_same_start(&b),
            "a later start is another process start"
        );
        let c = record(43);
        assert!(!record(42).is_same_start(&c));
    }

    #[test]
    fn default_path_prefers_the_runtime_dir_and_needs_absolute_paths() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            crate::config::default_pid_file(
                8000,
                env(&[("XDG_RUNTIME_DIR", "/run/user/1"), ("HOME", "/h")])
            ),
            Some(PathBuf::from("/run/user/1/zscaler-mcp-8000.pid"))
        );
        assert_eq!(
            crate::config::default_pid_file(9, env(&[("XDG_RUNTIME_DIR", "rel"), ("HOME", "/h")])),
            Some(PathBuf::from(
                "/h/.local/state/zscaler-mcp/zscaler-mcp-9.pid"
            ))
        );
        assert_eq!(
            crate::config::default_pid_file(9, env(&[("HOME", "x")])),
            None
        );
    }

    #[test]
    fn a_live_owner_is_refused_a_stale_one_replaced_and_the_file_removed_on_drop() {
        let dir = std::env::temp_dir().join(format!("zmcp-pid-{}", std::process::id()));
        let path = dir.join("a.pid");
        // This test process is alive: a record naming it, written by "another" start, refuses.
        let mut other = record(std::process::id());
        other.started_at = 5.0;
        std::fs::create_dir_all(&dir).expect("dir");
        write_file(&path, &record(std::process::id())).expect("write");
        let mine = PidRecord {
            pid: std::process::id().wrapping_add(0),
            ..other.clone()
        };
        // Same pid (a re-executed process): taken over.
        let taken = PidFile::acquire(&path, mine, false).expect("own pid is not a conflict");
        drop(taken);
        assert!(!path.exists(), "removed on drop");
        // A pid that cannot exist: stale, replaced.
        write_file(&path, &record(u32::MAX - 1)).expect("write");
        let taken = PidFile::acquire(&path, other, false).expect("stale file replaced");
        assert_eq!(read(&path).expect("read").map(|r| r.started_at), Some(5.0));
        drop(taken);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn uptime_reads_like_a_clock() {
        assert_eq!(uptime(5), "5s");
        assert_eq!(uptime(65), "1m 5s");
        assert_eq!(uptime(3_665), "1h 1m 5s");
        assert_eq!(uptime(90_000), "1d 1h 0m");
    }
}
