//! The browser entry point: it only mounts the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    ai_race::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a WebAssembly app: run `cargo xtask serve` and open the printed URL.");
    std::process::exit(2);
}
