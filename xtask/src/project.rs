//! Where things live in the workspace, and how commands are run.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::Result;

/// The workspace root: the directory holding the root `Cargo.toml`.
///
/// Read at run time (`cargo run` sets `CARGO_MANIFEST_DIR`): the compile-time value would point
/// to wherever the binary was first built, since cargo does not rebuild a moved checkout.
pub fn root_dir() -> PathBuf {
    let xtask_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    xtask_dir
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// Project-local tools that do not come from cargo (wasm-opt from npm). Gitignored.
pub fn tools_dir() -> PathBuf {
    root_dir().join(".tools")
}

/// Where npm puts the executables of the packages installed in [`tools_dir`].
pub fn npm_bin_dir() -> PathBuf {
    tools_dir().join("node_modules").join(".bin")
}

/// Cargo's target directory, honouring `CARGO_TARGET_DIR`.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root_dir().join(dir),
        None => root_dir().join("target"),
    }
}

/// Trunk's output directory (`[build] dist` in Trunk.toml).
pub fn dist_dir() -> PathBuf {
    root_dir().join("dist")
}

/// Where `cargo install` puts binaries.
pub fn cargo_bin_dir() -> PathBuf {
    if let Some(root) = std::env::var_os("CARGO_INSTALL_ROOT") {
        return PathBuf::from(root).join("bin");
    }
    let cargo_home = match std::env::var_os("CARGO_HOME") {
        Some(home) => PathBuf::from(home),
        None => PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo"),
    };
    cargo_home.join("bin")
}

/// `PATH` with the project's tools in front, so that Trunk, wasm-bindgen-test-runner and the
/// version checks all find the copies `install` manages instead of older system ones.
pub fn tool_path() -> OsString {
    let mut dirs = vec![npm_bin_dir(), cargo_bin_dir()];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).expect("PATH entries contain no separator")
}

/// A command for `program`, started in the workspace root with [`tool_path`] as `PATH`.
pub fn command(program: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut command = Command::new(program);
    command.current_dir(root_dir()).env("PATH", tool_path());
    command
}

/// A `cargo` command, using the same cargo that runs this xtask.
pub fn cargo() -> Command {
    command(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Runs `command` with inherited stdio and fails unless it exits successfully.
pub fn run(command: &mut Command) -> Result<()> {
    println!("$ {}", display(command));
    let status = command
        .status()
        .map_err(|err| format!("could not start `{}`: {err}", display(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", display(command)))
    }
}

/// Runs `command` quietly and returns its trimmed stdout, or `None` when it cannot be started or
/// fails: used to probe what is installed.
pub fn probe(command: &mut Command) -> Option<String> {
    let output = command.output().ok()?;
    if !output.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// The command line as a user would type it (environment and directory left out).
pub fn display(command: &Command) -> String {
    let program = command.get_program().to_string_lossy();
    let program = Path::new(program.as_ref())
        .file_name()
        .map_or(program.to_string(), |name| {
            name.to_string_lossy().into_owned()
        });
    let mut line = program;
    for arg in command.get_args() {
        line.push(' ');
        line.push_str(&arg.to_string_lossy());
    }
    line
}

/// `4.2s`, `1m 05s`.
pub fn format_duration(duration: Duration) -> String {
    let seconds = duration.as_secs_f64();
    if seconds < 60.0 {
        format!("{seconds:.1}s")
    } else {
        let whole_seconds = duration.as_secs();
        format!("{}m {:02}s", whole_seconds / 60, whole_seconds % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_seconds_then_minutes() {
        assert_eq!(format_duration(Duration::from_millis(4200)), "4.2s");
        assert_eq!(format_duration(Duration::from_secs(65)), "1m 05s");
    }
}
