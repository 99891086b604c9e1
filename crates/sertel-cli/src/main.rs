//! The `sertel` command-line tool.
fn main() {}
