//! The client: one server address, its TLS trust, and the app's token store.
//!
//! Calls are blocking (a desktop command runs them on a worker thread, e.g. Tauri's
//! `spawn_blocking`); a `Client` is cheap to clone and may be shared between threads.

use std::sync::Arc;

use serde::de::DeserializeOwned;
use ureq::http::Method;

use crate::address::ServerAddress;
use crate::model::SessionToken;
use crate::transport::{Body, ClientOptions, Reply, Transport};
use crate::{ClientError, TokenStore};

/// A client of one Sertel server.
#[derive(Clone)]
pub struct Client {
    transport: Transport,
    tokens: Arc<dyn TokenStore>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("address", &self.transport.address().as_str())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client of the server at `address` (see [`ServerAddress::parse`]) with default options.
    pub fn new(address: &str, tokens: Arc<dyn TokenStore>) -> Result<Client, ClientError> {
        Client::with_options(address, ClientOptions::default(), tokens)
    }

    /// A client with `options` (an extra CA, time-outs).
    pub fn with_options(
        address: &str,
        options: ClientOptions,
        tokens: Arc<dyn TokenStore>,
    ) -> Result<Client, ClientError> {
        let address = ServerAddress::parse(address)?;
        Ok(Client {
            transport: Transport::new(address, &options)?,
            tokens,
        })
    }

    /// The server's address.
    pub fn address(&self) -> &ServerAddress {
        self.transport.address()
    }

    /// The token store.
    pub fn tokens(&self) -> &dyn TokenStore {
        self.tokens.as_ref()
    }

    pub(crate) fn transport(&self) -> &Transport {
        &self.transport
    }

    /// The current session's token, or [`ClientError::NotSignedIn`].
    pub(crate) fn session(&self) -> Result<SessionToken, ClientError> {
        self.tokens.load()?.ok_or(ClientError::NotSignedIn)
    }

    /// An authenticated call; a 401 answer forgets the (expired or revoked) token.
    pub(crate) fn call(
        &self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: Body<'_>,
    ) -> Result<Reply, ClientError> {
        let token = self.session()?;
        let result = self
            .transport
            .call(method, path, Some(&token.token), headers, body);
        if let Err(ClientError::Server(p)) = &result {
            if p.status == 401 {
                self.tokens.clear()?;
            }
        }
        result
    }

    /// An authenticated call answered with JSON.
    pub(crate) fn call_json<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Body<'_>,
    ) -> Result<T, ClientError> {
        self.call(method, path, &[], body)?.json()
    }

    /// An authenticated GET answered with JSON.
    pub(crate) fn get_json<T: DeserializeOwned>(&self, path: &str) -> Result<T, ClientError> {
        self.call_json(Method::GET, path, Body::Empty)
    }
}
