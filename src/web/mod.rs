//! `backcheck serve`: the self-assessment as web pages, a second front end
//! on the same engine as the chat. One question a page, plain HTML forms
//! (no script), the answers so far carried in the page itself
//! (the answers field) and posted back: nothing is stored, logged or put in
//! a URL. Renders and reads forms; never decides (the engine walks, the
//! report stage words the result).

mod answers_field;
mod escape;
mod form;
mod headers;
mod listen;
mod page;
mod question_page;
mod result_page;
mod router;
mod so_far;
mod style;

#[cfg(test)]
mod tests;

pub use listen::{HEADER_TIMEOUT, serve};
pub use router::{App, BODY_LIMIT, REQUEST_TIMEOUT, router};
