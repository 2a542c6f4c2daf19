//! `govreport serve`: the web application (the `govreport-web` crate) over a register file.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args as ClapArgs;
use govreport::Options;

/// `govreport serve`: where the register is and where to listen.
#[derive(ClapArgs)]
pub struct Args {
    /// The register file (made when missing).
    #[arg(long, default_value = govreport_register::DEFAULT_PATH, value_name = "PATH")]
    db: PathBuf,
    /// IP address and port to listen on: this computer only unless told otherwise
    /// (0.0.0.0:8080 opens it to the network; port 0 takes a free one).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT")]
    bind: SocketAddr,
    /// The largest upload, in MiB.
    #[arg(long, default_value_t = 32, value_name = "MIB")]
    max_upload: usize,
    /// The date taken as today by the date checks, YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
    /// Deadline of township and sub-district reports, MM-DD of the next year (default 03-31).
    #[arg(long, value_name = "MM-DD")]
    township_deadline: Option<String>,
}

/// Serves until Ctrl+C.
pub fn run(args: Args) -> Result<ExitCode, String> {
    let mut config = govreport_web::Config::new(&args.db);
    config.bind = args.bind;
    config.max_upload = args.max_upload.max(1).saturating_mul(1024 * 1024);
    config.options = Options { today: args.today, township_deadline: args.township_deadline, ..Options::default() };
    let db = args.db.display().to_string();
    govreport_web::run(config, |addr| {
        println!("govreport: 网页服务已启动 http://{addr}/ （登记库 {db}）；按 Ctrl+C 停止");
        if !addr.ip().is_loopback() {
            eprintln!("govreport: 注意：服务对网络开放（{addr}），没有登录控制，只应在可信的内网中使用。");
        }
        let _ = std::io::stdout().flush();
    })
    .map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}
