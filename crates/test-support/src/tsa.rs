//! A local RFC 3161 timestamp authority over HTTP on loopback, for B-T signing tests.
//!
//! It answers `POST /` with `application/timestamp-query` bodies using the core's
//! [`TimestampAuthority`], one thread per connection, and stops when dropped.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sertel_core::tsp::authority::TimestampAuthority;

const MAX_BODY: usize = 64 * 1024;

/// A running test TSA.
#[derive(Debug)]
pub struct TestTsa {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    served: Arc<AtomicUsize>,
    thread: Option<JoinHandle<()>>,
}

impl TestTsa {
    /// Starts a TSA on an ephemeral loopback port, stamping the current time.
    pub fn start(authority: TimestampAuthority) -> std::io::Result<TestTsa> {
        Self::start_with_clock(authority, || {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap_or_default()
        })
    }

    /// Starts a TSA whose clock is `clock` (tests pin it).
    pub fn start_with_clock(
        authority: TimestampAuthority,
        clock: fn() -> Duration,
    ) -> std::io::Result<TestTsa> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let served = Arc::new(AtomicUsize::new(0));
        let (stop2, served2) = (stop.clone(), served.clone());
        let authority = Arc::new(authority);
        let thread = std::thread::spawn(move || {
            for conn in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (authority, served) = (authority.clone(), served2.clone());
                std::thread::spawn(move || {
                    if serve(conn, &authority, clock).is_ok() {
                        served.fetch_add(1, Ordering::SeqCst);
                    }
                });
            }
        });
        Ok(TestTsa {
            addr,
            stop,
            served,
            thread: Some(thread),
        })
    }

    /// The URL to give a signer.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// How many requests were answered.
    pub fn served(&self) -> usize {
        self.served.load(Ordering::SeqCst)
    }
}

impl Drop for TestTsa {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve(
    conn: TcpStream,
    authority: &TimestampAuthority,
    clock: fn() -> Duration,
) -> std::io::Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(conn.try_clone()?);
    let mut length = None;
    let mut line = String::new();
    let mut header_bytes = 0;
    loop {
        line.clear();
        let n = reader.read_line(&mut line)?;
        header_bytes += n;
        if n == 0 || header_bytes > 16 * 1024 {
            return Err(std::io::ErrorKind::InvalidData.into());
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            if k.trim().eq_ignore_ascii_case("content-length") {
                length = v.trim().parse::<usize>().ok();
            }
        }
    }
    let mut out = conn;
    let Some(len) = length.filter(|l| *l <= MAX_BODY) else {
        out.write_all(
            b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        )?;
        return Err(std::io::ErrorKind::InvalidData.into());
    };
    let mut body = vec![0u8; len];
    reader.read_exact(&mut body)?;
    let resp = authority.respond(&body, clock());
    write!(
        out,
        "HTTP/1.1 200 OK\r\nContent-Type: application/timestamp-reply\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        resp.len()
    )?;
    out.write_all(&resp)?;
    out.flush()
}
