//! The routes: `GET /` (the first question), `POST /step` (an answer, back
//! or change, with the answers so far), `POST /report` (the Markdown report
//! as a download), `GET /style.css`, `GET /healthz`. Every response gets
//! the security headers; bodies are limited and requests timed out.

use std::time::{Duration, SystemTime};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{Next, from_fn_with_state, map_response};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::answers_field::{FieldError, decode, mentions, read, replay};
use super::form::Fields;
use super::headers::secure;
use super::page::problem_page;
use super::question_page::{Said, question_page};
use super::result_page::result_page;
use super::style::CSS;
use crate::compile::{AnswerValue, Flow};
use crate::engine::{AnswerError, Current, Heard, Session};
use crate::report::{Audience, ReportFormat, asked_again_text, report_in, said_words};

/// The largest body read: a page's forms post a few kilobytes at most.
pub const BODY_LIMIT: usize = 64 * 1024;
/// The longest a request may take, its body included.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// What every request is served with: the knowledge and who reads.
#[derive(Clone, Copy)]
pub struct App {
    pub flow: &'static Flow,
    pub audience: Audience,
}

/// The whole site.
pub fn router(app: App) -> Router {
    timed_router(app, REQUEST_TIMEOUT)
}

/// The site with requests cut off after `limit` (tests use a short one).
pub(super) fn timed_router(app: App, limit: Duration) -> Router {
    Router::new()
        .route("/", get(start))
        .route("/step", post(step))
        .route("/report", post(report))
        .route("/style.css", get(style))
        .route("/healthz", get(healthz))
        .fallback(not_found)
        .with_state(app)
        .layer(from_fn_with_state((app, limit), time_limit))
        .layer(map_response(secure))
}

async fn time_limit(
    State((app, limit)): State<(App, Duration)>,
    request: Request,
    next: Next,
) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => problem(
            app,
            StatusCode::REQUEST_TIMEOUT,
            "The page took too long to arrive",
            "Your answers reached the server too slowly (the connection may be weak), so they were not read. Go back in your browser and send them again.",
        ),
    }
}

fn html_response(status: StatusCode, page: String) -> Response {
    (
        status,
        [(
            CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        )],
        page,
    )
        .into_response()
}

fn problem(app: App, status: StatusCode, title: &str, reason: &str) -> Response {
    html_response(status, problem_page(app.flow, title, reason))
}

async fn start(State(app): State<App>) -> Response {
    html_response(
        StatusCode::OK,
        current_page(&Session::new(app.flow), app.audience, Said::default()),
    )
}

async fn style() -> Response {
    (
        [(
            CONTENT_TYPE,
            HeaderValue::from_static("text/css; charset=utf-8"),
        )],
        CSS,
    )
        .into_response()
}

async fn healthz() -> &'static str {
    "ok"
}

async fn not_found(State(app): State<App>) -> Response {
    problem(
        app,
        StatusCode::NOT_FOUND,
        "Page not found",
        "There is no page at this address.",
    )
}

/// The posted form, or the page saying why it cannot be read.
async fn fields(app: App, body: Body) -> Result<Fields, Response> {
    let bytes: Bytes = axum::body::to_bytes(body, BODY_LIMIT).await.map_err(|_| {
        problem(
            app,
            StatusCode::PAYLOAD_TOO_LARGE,
            "Too much was sent",
            "The page sent far more than any answer holds, so it was not read.",
        )
    })?;
    Fields::parse(&bytes).map_err(|_| {
        problem(
            app,
            StatusCode::BAD_REQUEST,
            "This could not be read",
            "What the page sent back is not a form these pages make.",
        )
    })
}

fn refused(app: App, error: &FieldError) -> Response {
    problem(
        app,
        StatusCode::BAD_REQUEST,
        "Your answers could not be read",
        &error.to_string(),
    )
}

/// The question the session stands at, or its result.
fn current_page(session: &Session, audience: Audience, said: Said) -> String {
    match session.current() {
        Current::Question { node, question, .. } => {
            question_page(session, node, question, audience, &said)
        }
        Current::Outcome { .. } => result_page(session, audience, &said),
    }
}

async fn step(State(app): State<App>, body: Body) -> Response {
    let fields = match fields(app, body).await {
        Ok(fields) => fields,
        Err(page) => return page,
    };
    let pairs = match read(app.flow, fields.get("state")) {
        Ok(pairs) => pairs,
        Err(error) => return refused(app, &error),
    };
    let mut session = replay(app.flow, &pairs);
    for (question, words) in mentions(app.flow, fields.get("state")) {
        session.keep_mention(question, &words);
    }
    let mut said = Said::default();
    if fields.get("back").is_some() {
        said.notice = Some(match session.back() {
            Some(_) => "Your last answer was undone.".into(),
            None => "There is no answer to undo yet.".into(),
        });
    } else if fields.get("nothing").is_some() {
        // "No, ask me again" at a check-back: nothing was recorded.
        said.notice = Some(
            "Thank you. Please answer the question again, with a button or in other words.".into(),
        );
    } else if let Some(number) = fields.get("change") {
        let Some(number) = number
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=pairs.len()).contains(n))
        else {
            return refused(app, &FieldError::Tampered);
        };
        session = replay(app.flow, &pairs[..number - 1]);
        said.notice = Some(format!(
            "Answer question {number} again; the answers after it were cleared."
        ));
    } else {
        answer(&mut session, &fields, &mut said);
    }
    html_response(StatusCode::OK, current_page(&session, app.audience, said))
}

/// Records the answer the form gives (a button, ticked boxes, or words),
/// or says why it was not taken.
fn answer(session: &mut Session, fields: &Fields, said: &mut Said) {
    let Current::Question { question, .. } = session.current() else {
        return;
    };
    let given = if let Some(choice) = fields.get("choice") {
        session.answer(AnswerValue::Choice(choice.to_string()))
    } else if fields.get("multiple").is_some() {
        let chosen: Vec<String> = fields.all("many").into_iter().map(str::to_string).collect();
        if chosen.is_empty() {
            said.unclear = Some(
                "Please tick at least one box, or the answer that says none of these apply.".into(),
            );
            return;
        }
        // Read as `run --answers` reads `a+b`: the reader refuses "none of
        // these" ticked with another box (`Session::answer` does not). Then
        // given as a button is: ticked boxes are no words to check back or
        // to find a mention in.
        session
            .understand(&chosen.join("+"))
            .and_then(|understood| session.answer(understood.into_value()))
    } else if let Some(text) = fields.get("text") {
        match session.answer_text(text) {
            // The page keeps no state between requests: the reading is
            // said back, and the person settles it with a button (or by
            // typing again); nothing is recorded until then.
            // The page keeps no state between requests: the reading held
            // back is shown with a button that gives it (question_page).
            Ok(Heard::CheckBack(_)) => Ok(()),
            Ok(Heard::Declined) => Ok(()),
            Ok(Heard::Recorded(understood)) => {
                // Anything but an option as shown is said back, as the chat does.
                if !understood.is_exact() {
                    said.read_as = Some(said_words(session, question, understood.value()));
                }
                Ok(())
            }
            Err(error) => Err(error),
        }
    } else {
        Err(AnswerError::Empty)
    };
    match given {
        Ok(()) => {}
        Err(AnswerError::HelpWanted) => {
            said.unclear = Some(
                "Here is why this is asked. Choose the answer closest to how things are.".into(),
            );
            said.why_open = true;
        }
        Err(error) => said.unclear = Some(asked_again_text(question, &error)),
    }
}

async fn report(State(app): State<App>, body: Body) -> Response {
    let fields = match fields(app, body).await {
        Ok(fields) => fields,
        Err(page) => return page,
    };
    let session = match decode(app.flow, fields.get("state")) {
        Ok(session) => session,
        Err(error) => return refused(app, &error),
    };
    // The report stage's one report, in Markdown or as its web page.
    let (format, content_type, file) = match fields.get("format") {
        Some("html") => (
            ReportFormat::Html,
            "text/html; charset=utf-8",
            "attachment; filename=\"backcheck-report.html\"",
        ),
        _ => (
            ReportFormat::Markdown,
            "text/markdown; charset=utf-8",
            "attachment; filename=\"backcheck-report.md\"",
        ),
    };
    let text = report_in(format, &session, app.audience, SystemTime::now());
    (
        [
            (CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (CONTENT_DISPOSITION, HeaderValue::from_static(file)),
        ],
        text,
    )
        .into_response()
}
