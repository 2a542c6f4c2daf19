//! The application: its configuration, its state (the register and the drafts being
//! checked), the routes, and the server loop.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use govreport::{Lang, Options};
use govreport_register::Register;

use crate::drafts::Drafts;
use crate::error::WebError;
use crate::{assets, check, error, register_pages, security, stats_pages};

/// How the server runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// The register file (made when missing).
    pub db: PathBuf,
    /// Where to listen; 127.0.0.1:8080 unless told otherwise.
    pub bind: SocketAddr,
    /// The largest upload accepted, in bytes (a whole request).
    pub max_upload: usize,
    /// The options every check runs with (the date taken as today, the township deadline …);
    /// the language is the page's.
    pub options: Options,
}

impl Config {
    /// The defaults with the register at `db`: localhost:8080, uploads up to 32 MiB.
    pub fn new(db: impl Into<PathBuf>) -> Config {
        Config {
            db: db.into(),
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            max_upload: govreport::limits::MAX_INPUT_BYTES as usize,
            options: Options::default(),
        }
    }
}

/// Why the server could not start.
#[derive(Debug)]
pub struct StartError(pub String);

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StartError {}

/// The shared state of every request.
#[derive(Clone)]
pub(crate) struct App(Arc<Inner>);

pub(crate) struct Inner {
    pub config: Config,
    pub drafts: Drafts,
    /// The one connection that writes (ingest, reviews, new versions).
    writer: Mutex<Register>,
    /// Read-only connections, reused.
    readers: Mutex<Vec<Register>>,
}

impl std::ops::Deref for App {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A handler that panicked while holding the lock left nothing half-done that matters: the
    // register undoes an open transaction at its next write, and the pool only holds
    // connections.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl App {
    /// Opens (or makes) the register of `config`.
    pub(crate) fn open(config: Config) -> Result<App, StartError> {
        let mut register = Register::open(&config.db).map_err(|e| StartError(e.message(Lang::Zh)))?;
        let options = Options { lang: Lang::Zh, ..config.options.clone() };
        register.set_check_options(options).map_err(|e| StartError(e.message(Lang::Zh)))?;
        Ok(App(Arc::new(Inner { config, drafts: Drafts::default(), writer: Mutex::new(register), readers: Mutex::new(vec![]) })))
    }

    /// The options of a check in `lang`.
    pub(crate) fn options(&self, lang: Lang) -> Options {
        Options { lang, ..self.config.options.clone() }
    }

    /// Runs `f` on a read-only connection, on a thread where blocking is allowed.
    pub(crate) async fn read<T, F>(&self, f: F) -> Result<T, WebError>
    where
        T: Send + 'static,
        F: FnOnce(&Register) -> Result<T, WebError> + Send + 'static,
    {
        let app = self.clone();
        blocking(move || {
            let pooled = lock(&app.readers).pop();
            let register = match pooled {
                Some(r) => r,
                None => Register::open_read_only(&app.config.db)?,
            };
            let out = f(&register);
            let mut pool = lock(&app.readers);
            if pool.len() < 8 {
                pool.push(register);
            }
            out
        })
        .await
    }

    /// Runs `f` on the writing connection, one at a time.
    pub(crate) async fn write<T, F>(&self, f: F) -> Result<T, WebError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Register) -> Result<T, WebError> + Send + 'static,
    {
        let app = self.clone();
        blocking(move || f(&mut lock(&app.writer))).await
    }
}

/// Runs `f` where blocking is allowed; a panic in it becomes an error page.
pub(crate) async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T, WebError> + Send + 'static) -> Result<T, WebError> {
    tokio::task::spawn_blocking(f).await.map_err(|_| WebError::internal())?
}

/// The application's routes over the register of `config`, with every layer (limits, error
/// pages, security headers). For tests and for embedding; [`run`] serves it.
pub fn router(config: Config) -> Result<Router, StartError> {
    let limit = config.max_upload.saturating_add(64 * 1024);
    let app = App::open(config)?;
    Ok(Router::new()
        .route("/", get(check::home))
        .route("/check", post(check::upload))
        .route("/check/{id}", get(check::show).post(check::save_form))
        .route("/check/{id}/cell", post(check::set_cell))
        .route("/check/{id}/download/{what}", get(check::download))
        .route("/check/{id}/register", post(check::save_to_register))
        .route("/new", get(check::new_form).post(check::new_report))
        .route("/register", get(register_pages::overview))
        .route("/register/add", post(register_pages::add))
        .route("/units/{id}", get(register_pages::unit))
        .route("/units/{id}/{year}", get(register_pages::report))
        .route("/units/{id}/{year}/edit", post(register_pages::edit))
        .route("/findings", get(register_pages::findings))
        .route("/findings/{id}/review", post(register_pages::review))
        .route("/benchmarks", get(stats_pages::benchmarks))
        .route("/trends", get(stats_pages::trends))
        .route("/review", get(stats_pages::review))
        .route("/review/download/{what}", get(stats_pages::review_download))
        .route("/export", get(stats_pages::export))
        .route("/rules", get(stats_pages::rules))
        .route("/assets/{name}", get(assets::serve))
        .fallback(error::not_found)
        .layer(DefaultBodyLimit::max(limit))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(error::panicked))
        .layer(axum::middleware::from_fn_with_state(app.clone(), security::finish))
        .with_state(app))
}

/// Serves the application until Ctrl+C (or SIGTERM); `started` is told the address bound.
pub fn run(config: Config, started: impl FnOnce(SocketAddr)) -> Result<(), StartError> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(|e| StartError(format!("无法启动服务：{e}")))?;
    runtime.block_on(async move {
        let bind = config.bind;
        let routes = router(config)?;
        let listener = tokio::net::TcpListener::bind(bind).await.map_err(|e| StartError(format!("无法监听 {bind}：{e}")))?;
        let addr = listener.local_addr().map_err(|e| StartError(format!("无法监听 {bind}：{e}")))?;
        started(addr);
        axum::serve(listener, routes).with_graceful_shutdown(shutdown()).await.map_err(|e| StartError(format!("服务中断：{e}")))
    })
}

async fn shutdown() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = interrupt => {},
        _ = terminate => {},
    }
}
