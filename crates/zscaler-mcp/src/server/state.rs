//! Process state: what every session shares (configuration, posture, the exposed view, the
//! entitlement result, the Zscaler client, in-flight calls).

use std::sync::{Arc, OnceLock};

use rmcp::model::Tool;
use tokio_util::task::TaskTracker;

use crate::catalog::ToolDeclaration;
use crate::client::Upstream;
use crate::client::{ClientError, ClientSettings, ZscalerClient};
use crate::config::Config;
use crate::config::ConfigError;
use crate::config::StateStoreConfig;
use crate::policy::confirmation::Confirmations;
use crate::policy::selection::{self, Resolved};
use crate::server::discover::Discovery;
use crate::server::posture::Posture;
use crate::service::Service;
use crate::state::SharedState;

/// What one view of the server exposes: the resolved selection and its `tools/list` answer,
/// built once (rebuilding ~300 schemas per request would dominate latency).
pub struct Exposed {
    pub resolved: Resolved,
    pub tools: Arc<Vec<Tool>>,
    /// The `discover` mode's search index and tool list over this view, built on first use
    /// (once per view, never per call).
    discovery: OnceLock<Discovery>,
}

impl Exposed {
    pub fn new(resolved: Resolved) -> Arc<Exposed> {
        let tools = resolved.tools.iter().map(|t| t.to_mcp_tool()).collect();
        Arc::new(Exposed {
            resolved,
            tools: Arc::new(tools),
            discovery: OnceLock::new(),
        })
    }

    pub(crate) fn discovery(&self) -> &Discovery {
        self.discovery.get_or_init(|| Discovery::new(self))
    }

    /// The `tools/list` entry of a tool of this view.
    pub(crate) fn tool(&self, name: &str) -> Option<&Tool> {
        (self.resolved.tools.iter())
            .position(|t| t.name == name)
            .and_then(|i| self.tools.get(i))
    }

    pub(crate) fn find(&self, name: &str) -> Option<&'static ToolDeclaration> {
        self.resolved.tools.iter().copied().find(|t| t.name == name)
    }
}

/// Process-wide state shared by every session.
pub struct Shared {
    /// The configuration in force; a reload (SIGHUP, `server::reload`) swaps in a copy whose
    /// run-time toggles changed and nothing else.
    config: std::sync::RwLock<Arc<Config>>,
    posture: std::sync::RwLock<Arc<Posture>>,
    /// Bumped by every applied reload: sessions rebuild the views they hold.
    generation: std::sync::atomic::AtomicU64,
    /// The configured selection, narrowed once by the entitlement filter at startup.
    exposed: std::sync::RwLock<Arc<Exposed>>,
    /// Services the OneAPI credentials are entitled to, when the filter ran.
    entitled: std::sync::RwLock<Option<Vec<Service>>>,
    /// Counts in-flight tool calls so shutdown can let them finish.
    pub inflight: TaskTracker,
    /// Delete confirmation (issues and redeems tokens and request states); `Err` refuses to
    /// serve (checked before anything is served) and, should a call get here, every delete.
    pub confirmations: Result<Confirmations, ConfigError>,
    /// The Zscaler tenant calls go to, and the client that reaches it; replaced once by the
    /// embedded sandbox at start.
    upstream: std::sync::RwLock<(Arc<Upstream>, Result<ZscalerClient, ClientError>)>,
    /// The store replicas share (`ZSCALER_MCP_STATE_STORE`); `None`: this process's memory.
    pub state: Option<SharedState>,
    /// Why the configured store cannot be used (checked before anything is served).
    pub state_error: Option<ConfigError>,
    /// The client's settings, with the shared store.
    client_settings: ClientSettings,
}

fn read<T: Clone>(lock: &std::sync::RwLock<T>) -> T {
    match lock.read() {
        Ok(v) => v.clone(),
        Err(poisoned) => poisoned.into_inner().clone(),
    }
}

fn write<T>(lock: &std::sync::RwLock<T>, value: T) {
    match lock.write() {
        Ok(mut v) => *v = value,
        Err(poisoned) => *poisoned.into_inner() = value,
    }
}

impl Shared {
    pub fn new(config: Arc<Config>, resolved: Resolved, upstream: Upstream) -> Shared {
        let (state, state_error) = match &config.state_store {
            StateStoreConfig::Memory => (None, None),
            StateStoreConfig::Redis { url, prefix } => {
                match SharedState::redis(url.expose(), prefix) {
                    Ok(s) => (Some(s), None),
                    Err(e) => (
                        None,
                        Some(ConfigError::new(
                            "ZSCALER_MCP_STATE_STORE",
                            "<redacted>",
                            format!("a usable Redis URL ({})", e.0),
                        )),
                    ),
                }
            }
        };
        let mut settings = config.client.clone();
        settings.shared_state = state.clone();
        let confirmations = Confirmations::new(&config.write).map(|c| c.with_store(state.clone()));
        Shared {
            posture: std::sync::RwLock::new(Arc::new(Posture::of(&config))),
            config: std::sync::RwLock::new(config),
            generation: std::sync::atomic::AtomicU64::new(0),
            exposed: std::sync::RwLock::new(Exposed::new(resolved)),
            entitled: std::sync::RwLock::new(None),
            inflight: TaskTracker::new(),
            confirmations,
            upstream: std::sync::RwLock::new(Self::connect(&settings, upstream)),
            state,
            state_error,
            client_settings: settings,
        }
    }

    fn connect(
        settings: &ClientSettings,
        upstream: Upstream,
    ) -> (Arc<Upstream>, Result<ZscalerClient, ClientError>) {
        let client = ZscalerClient::new(&upstream, upstream.grant.clone(), settings.clone());
        (Arc::new(upstream), client)
    }

    /// The configuration in force.
    pub fn config(&self) -> Arc<Config> {
        read(&self.config)
    }

    /// The security posture in force.
    pub fn posture(&self) -> Arc<Posture> {
        read(&self.posture)
    }

    /// Replaces the posture's client-authentication line (a library auth provider's).
    pub fn set_client_auth_posture(&self, described: String) {
        let mut posture = (*self.posture()).clone();
        posture.client_auth = described;
        write(&self.posture, Arc::new(posture));
    }

    /// How many reloads were applied: views built under an older generation are rebuilt.
    pub fn generation(&self) -> u64 {
        self.generation.load(std::sync::atomic::Ordering::Acquire)
    }

    /// Puts `config` in force (a reload that already kept every setting needing a restart):
    /// the posture and the process-wide view are rebuilt from it, sessions rebuild theirs.
    pub fn replace_config(&self, config: Config) {
        let config = Arc::new(config);
        let mut posture = Posture::of(&config);
        posture.client_auth = self.posture().client_auth.clone();
        let entitled = self.entitled();
        let resolved = selection::resolve_with(&config, entitled.as_deref(), &[]);
        write(&self.config, config);
        write(&self.posture, Arc::new(posture));
        write(&self.exposed, Exposed::new(resolved));
        self.generation
            .fetch_add(1, std::sync::atomic::Ordering::AcqRel);
    }

    pub fn upstream(&self) -> Arc<Upstream> {
        read(&self.upstream).0
    }

    /// The Zscaler client, or why it could not be built.
    pub fn client(&self) -> Result<ZscalerClient, ClientError> {
        read(&self.upstream).1
    }

    /// True when tool calls run with each caller's own OneAPI token (`zscaler` client
    /// authentication on an HTTP transport): the server's own client is never used for them.
    pub fn per_caller_tokens(&self) -> bool {
        let config = self.config();
        config.transport.is_http()
            && config.client_auth.effective_mode() == Some(crate::config::AuthMode::Zscaler)
    }

    pub fn use_upstream(&self, upstream: Upstream) {
        write(
            &self.upstream,
            Self::connect(&self.client_settings, upstream),
        );
    }

    /// The process-wide view (sessions may add toolsets on top).
    pub fn exposed(&self) -> Arc<Exposed> {
        read(&self.exposed)
    }

    pub fn entitled(&self) -> Option<Vec<Service>> {
        read(&self.entitled)
    }

    /// Narrows every view to the services the credentials are entitled to.
    pub fn apply_entitlements(&self, services: Vec<Service>) {
        let resolved = selection::resolve_with(&self.config(), Some(&services), &[]);
        write(&self.entitled, Some(services));
        write(&self.exposed, Exposed::new(resolved));
    }
}
