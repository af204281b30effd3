//! Why a map could not be shown, as data: a download that did not deliver ([`FetchError`], made
//! by the web layer from the browser's answers) or a file that could not be used
//! ([`LoadError`]). The strings table words them in the page's language
//! ([`Strings::failure`](crate::text::Strings::failure)).

use super::error::LoadError;
use super::statuses::SheetError;

/// Why a download did not deliver its file. Each carries the address it was for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// No browser window to download from (a detached document, a worker).
    NoWindow,
    /// The request failed before any answer: offline, unknown host, refused connection, CORS.
    Network { url: String },
    /// The download was cancelled (the map was destroyed or the load started again).
    Aborted { url: String },
    /// No byte arrived for `ms` milliseconds; the download was given up.
    Stalled { url: String, ms: u32 },
    /// The server answered with an error status, e.g. 404 "Not Found" (`status_text` may be empty).
    Http { url: String, status: u16, status_text: String },
    /// The browser gave back something that is not an HTTP response.
    UnexpectedResponse { url: String },
    /// The response body could not be read as a stream.
    Unreadable { url: String },
}

/// What the map says when something kept it, or its background, from being shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// The territories file did not arrive.
    Download(FetchError),
    /// The territories file at `url` arrived but could not be used.
    Unusable { url: String, error: LoadError },
    /// The background map at `url` did not arrive; the map is shown without it.
    ContextDownload { url: String, error: FetchError },
    /// The background map at `url` could not be used; the map is shown without it.
    ContextUnusable { url: String, error: LoadError },
    /// The status sheet at `url` did not arrive; the map is shown with the file's own statuses.
    StatusesDownload { url: String, error: FetchError },
    /// The status sheet at `url` could not be used; the map is shown with the file's own statuses.
    StatusesUnusable { url: String, error: SheetError },
}
