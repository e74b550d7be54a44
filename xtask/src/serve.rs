//! `cargo xtask serve`: the app with live reload on 127.0.0.1.

use crate::project::{self, run};
use crate::{install, Result};

/// Trunk's own default, used when Trunk.toml has no `[serve] port`.
const DEFAULT_PORT: u16 = 8080;

/// Reads `[--port N]`.
pub fn parse_port(args: &[String]) -> Result<Option<u16>> {
    match args {
        [] => Ok(None),
        [flag, port] if flag == "--port" => port
            .parse()
            .map(Some)
            .map_err(|_| format!("--port wants a number from 1 to 65535, got {port:?}")),
        _ => Err(format!(
            "`cargo xtask serve` takes only `--port N`, got {args:?}"
        )),
    }
}

pub fn serve(port: Option<u16>) -> Result<()> {
    install::for_serve()?;
    let trunk_toml = std::fs::read_to_string(project::root_dir().join("Trunk.toml"))
        .map_err(|err| format!("could not read Trunk.toml: {err}"))?;
    let port = port
        .or_else(|| configured_port(&trunk_toml))
        .unwrap_or(DEFAULT_PORT);
    println!("\n== serving on http://127.0.0.1:{port}/ (Ctrl-C to stop)");
    let mut trunk = install::trunk_command()?;
    // --offline: the pinned tools are on PATH; Trunk must not try to download any.
    trunk.args(["serve", "--offline", "--port", &port.to_string()]);
    run(&mut trunk)
}

/// The `port` of Trunk.toml's `[serve]` table.
fn configured_port(trunk_toml: &str) -> Option<u16> {
    let table: toml::Table = toml::from_str(trunk_toml).ok()?;
    let port = table.get("serve")?.get("port")?.as_integer()?;
    u16::try_from(port).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_port_comes_from_the_serve_table() {
        let trunk_toml = "[build]\nport = 1\n\n[serve]\naddresses = [\"127.0.0.1\"]\nport = 8080\n";
        assert_eq!(configured_port(trunk_toml), Some(8080));
        assert_eq!(configured_port("[serve]\n"), None);
    }

    #[test]
    fn only_a_numeric_port_flag_is_accepted() {
        let args = |list: &[&str]| list.iter().map(|arg| arg.to_string()).collect::<Vec<_>>();
        assert_eq!(parse_port(&args(&[])), Ok(None));
        assert_eq!(parse_port(&args(&["--port", "9000"])), Ok(Some(9000)));
        assert!(parse_port(&args(&["--port", "http"])).is_err());
        assert!(parse_port(&args(&["--open"])).is_err());
    }
}
