//! The `sertel` command-line tool: the same core as the desktop app, for scripts and batches.
//! Exit codes are listed in [`exit`].

mod args;
mod commands;
mod exit;
mod keyfile;
mod output;
mod passphrase;

use std::process::ExitCode;

use clap::Parser;
use sertel_core::i18n::Lang;

use args::{Cli, Command, KeyCommand};
use output::Out;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let lang = cli
        .lang
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or_else(Lang::from_env);
    let out = Out {
        json: cli.json,
        lang,
        quiet: cli.quiet,
    };
    let result = match &cli.command {
        Command::Key(KeyCommand::New(a)) => commands::key::new(a, &out),
        Command::Key(KeyCommand::Info(a)) => commands::key::info(a, &out),
        Command::Key(KeyCommand::Import(a)) => commands::key::import(a, &out),
        Command::Key(KeyCommand::Export(a)) => commands::key::export(a, &out),
        Command::Csr(a) => commands::csr::run(a, &out),
        Command::Sign(a) => commands::sign::run(a, &out),
        Command::Verify(a) => commands::verify::run(a, &out),
        Command::Ltv(a) => commands::ltv::run(a, &out),
        Command::Protect(a) => commands::protect::protect(a, &out),
        Command::Unprotect(a) => commands::protect::unprotect(a, &out),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            out.error(&e);
            ExitCode::from(e.code)
        }
    }
}
