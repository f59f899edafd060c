//! The command line: the only place that knows clap or prints. [`commands`]
//! holds one module per subcommand (groups as folders), [`ui`] what every
//! command shares (the context, the global options, output for people and
//! machines), [`term`] colours and progress, [`table`] aligned columns, and
//! [`free`] how a command about to exit skips freeing its records.

pub mod commands;
pub mod free;
pub mod table;
pub mod term;
pub mod ui;
