//! One module per subcommand: its clap `Args` and a `run` function.

pub mod check;
pub mod claim;
pub mod evidence;
pub mod export;
pub mod extract;
pub mod init;
pub mod mark;
pub mod report;
pub mod sign;
pub mod source;
