//! The pages driven in-process (`oneshot` on the router, no socket): whole
//! walks by buttons and by typed words, back and change, every refusal,
//! the headers, escaping.

use std::collections::HashMap;
use std::sync::OnceLock;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use tower::ServiceExt;

use super::answers_field::{FIELD_LIMIT, read};
use super::headers::CSP;
use super::{App, BODY_LIMIT, router};
use crate::compile::{Flow, QuestionKind, compile};
use crate::engine::Current;
use crate::report::Audience;
use crate::source::KnowledgeSource;

fn flow() -> &'static Flow {
    static FLOW: OnceLock<Flow> = OnceLock::new();
    FLOW.get_or_init(|| compile(&KnowledgeSource::embedded()).unwrap())
}

fn app() -> App {
    App {
        flow: flow(),
        audience: Audience::Lay,
    }
}

thread_local! {
    /// Who reads the pages the next requests of this test get.
    static AUDIENCE: std::cell::Cell<Audience> = const { std::cell::Cell::new(Audience::Lay) };
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

async fn send(request: Request<Body>) -> Reply {
    let app = App {
        audience: AUDIENCE.with(std::cell::Cell::get),
        ..app()
    };
    let response = router(app).oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    Reply {
        status,
        headers,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

async fn get(path: &str) -> Reply {
    send(Request::get(path).body(Body::empty()).unwrap()).await
}

async fn post(path: &str, body: impl Into<Vec<u8>>) -> Reply {
    send(
        Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(body.into()))
            .unwrap(),
    )
    .await
}

/// `text` as a form value.
fn encoded(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => out.push(byte as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The answers field of a page (the first hidden `state`), unescaped.
fn state_of(page: &str) -> String {
    let start = page.find("name=\"state\" value=\"").expect(page) + 20;
    let end = start + page[start..].find('"').unwrap();
    page[start..end]
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The short id of the question a page asks.
fn asked(page: &str) -> Option<String> {
    let pairs = read(flow(), Some(&state_of(page))).unwrap();
    let session = super::answers_field::replay(flow(), &pairs);
    match session.current() {
        Current::Question { index, .. } => Some(flow().short_id(index).to_string()),
        Current::Outcome { .. } => None,
    }
}

/// Walks from the first page pressing the button (ticking the box, typing
/// the number) each answer of `answers` names; the last page.
async fn walk(answers: &str) -> Reply {
    let answers: HashMap<&str, &str> = answers
        .split_whitespace()
        .filter_map(|pair| pair.split_once('='))
        .collect();
    let mut reply = get("/").await;
    while let Some(id) = asked(&reply.body) {
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let value = answers
            .get(id.as_str())
            .unwrap_or_else(|| panic!("no answer for {id}"));
        let index = flow().find(&id).unwrap();
        let control = match flow().question(index).unwrap().kind {
            QuestionKind::Number { .. } => format!("text={value}"),
            QuestionKind::Multiple { .. } => format!("multiple=1&many={value}"),
            _ => format!("choice={value}"),
        };
        let state = encoded(&state_of(&reply.body));
        reply = post("/step", format!("state={state}&{control}")).await;
    }
    reply
}

const STRAIN: &str = "opening=self_pain back_pain=yes how_old=34 pregnancy=no saddle_numbness=no bladder_bowel=no \
    leg_symptoms=no fainting=no confusion=no fever=no history_screen=none symptom_screen=none \
    how_long=acute spread=none conditions=none worse_positions=none sudden_belly_back=no \
    sexual_function=no risk_screen=none";

#[tokio::test]
async fn a_simple_strain_walked_by_buttons_is_treated() {
    let reply = walk(STRAIN).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply.body.contains("class=\"result treat\""),
        "{}",
        reply.body
    );
    assert!(
        reply.body.contains("<h1>RESULT: MASSAGE IS SUITABLE</h1>"),
        "{}",
        reply.body
    );
    assert!(
        reply
            .body
            .contains("<title>RESULT: MASSAGE IS SUITABLE - backcheck</title>")
    );
    assert!(reply.body.contains("Download the report"));
    assert!(reply.body.contains("Your answers so far"));
}

#[tokio::test]
async fn an_emergency_fills_the_top_of_the_page() {
    let reply =
        walk("opening=self_pain back_pain=yes how_old=41 pregnancy=no saddle_numbness=yes").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply
            .body
            .contains("<section class=\"result emergency\" role=\"alert\">"),
        "{}",
        reply.body
    );
    assert!(reply.body.contains("EMERGENCY"), "{}", reply.body);
    assert!(reply.body.contains("<title>RESULT: EMERGENCY"));
}

/// The state and page after answering up to (not including) the question `stop`.
async fn walk_to(stop: &str) -> Reply {
    let mut reply = get("/").await;
    let answers: HashMap<&str, &str> = STRAIN
        .split_whitespace()
        .filter_map(|pair| pair.split_once('='))
        .collect();
    let mut steps = 0;
    while let Some(id) = asked(&reply.body) {
        if id == stop {
            return reply;
        }
        // An answer the page refuses asks the same question again: stop
        // rather than post it for ever.
        steps += 1;
        assert!(steps < 100, "stuck at {id}: {}", reply.body);
        let index = flow().find(&id).unwrap();
        let value = answers[id.as_str()];
        let control = match flow().question(index).unwrap().kind {
            QuestionKind::Number { .. } => format!("text={value}"),
            _ => format!("choice={value}"),
        };
        let state = encoded(&state_of(&reply.body));
        reply = post("/step", format!("state={state}&{control}")).await;
    }
    panic!("never asked {stop}")
}

#[tokio::test]
async fn typed_words_are_read_as_the_chat_reads_them_and_said_back() {
    let page = walk_to("saddle_numbness").await;
    let state = encoded(&state_of(&page.body));
    let reply = post("/step", format!("state={state}&text=nope")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply.body.contains("<strong>→ No</strong>"),
        "{}",
        reply.body
    );
    assert_ne!(asked(&reply.body).as_deref(), Some("saddle_numbness"));
    let pairs = read(flow(), Some(&state_of(&reply.body))).unwrap();
    assert_eq!(
        pairs.last().unwrap(),
        &("saddle_numbness".into(), "no".into())
    );
}

#[tokio::test]
async fn words_that_would_end_the_walk_in_an_emergency_are_checked_back_first() {
    let page = walk_to("saddle_numbness").await;
    let state = encoded(&state_of(&page.body));
    let reply = post("/step", format!("state={state}&text=yes%2C+a+bit+numb")).await;
    let body = &reply.body;
    // Nothing recorded yet: the same question, with the reading to confirm.
    assert!(!body.contains("class=\"result emergency\""), "{body}");
    assert_eq!(asked(body).as_deref(), Some("saddle_numbness"));
    assert!(body.contains("class=\"check\""), "{body}");
    assert!(body.contains("getting help straight away"), "{body}");
    assert!(body.contains("I understood \u{201c}Yes\u{201d}"), "{body}");
    // "Yes, that is right" gives the answer held back, as its button would.
    assert!(
        body.contains("<input type=\"hidden\" name=\"choice\" value=\"yes\">"),
        "{body}"
    );
    let confirmed = post("/step", format!("state={state}&choice=yes")).await;
    assert!(
        confirmed.body.contains("class=\"result emergency\""),
        "{}",
        confirmed.body
    );
    // "No, ask me again": nothing recorded, the question again.
    let again = post("/step", format!("state={state}&nothing=1")).await;
    assert_eq!(asked(&again.body).as_deref(), Some("saddle_numbness"));
    assert!(
        again.body.contains("Please answer the question again"),
        "{}",
        again.body
    );
    assert!(!again.body.contains("class=\"check\""), "{}", again.body);
}

#[tokio::test]
async fn a_sentence_read_as_no_on_a_red_flag_is_checked_back_not_recorded() {
    let page = walk_to("bladder_bowel").await;
    let state = encoded(&state_of(&page.body));
    let reply = post("/step", format!("state={state}&text=I+can+pee+fine")).await;
    let body = &reply.body;
    assert_eq!(asked(body).as_deref(), Some("bladder_bowel"), "{body}");
    assert!(body.contains("about your safety"), "{body}");
    assert!(
        body.contains("<input type=\"hidden\" name=\"choice\" value=\"no\">"),
        "{body}"
    );
    let pairs = read(flow(), Some(&state_of(body))).unwrap();
    assert!(
        pairs.iter().all(|(id, _)| id != "bladder_bowel"),
        "{pairs:?}"
    );
}

#[tokio::test]
async fn unclear_words_ask_the_same_question_again() {
    let page = walk_to("saddle_numbness").await;
    let state = encoded(&state_of(&page.body));
    let reply = post("/step", format!("state={state}&text=banana")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body.contains("class=\"unclear\""), "{}", reply.body);
    assert_eq!(asked(&reply.body).as_deref(), Some("saddle_numbness"));
    let help = post("/step", format!("state={state}&text=help")).await;
    assert!(help.body.contains("<details open>"), "{}", help.body);
}

#[tokio::test]
async fn none_of_these_ticked_with_another_box_is_refused() {
    let page = walk_to("risk_screen").await;
    let state = encoded(&state_of(&page.body));
    let given = read(flow(), Some(&state_of(&page.body))).unwrap().len();
    let reply = post(
        "/step",
        format!("state={state}&multiple=1&many=none&many=diabetes"),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply.body.contains("cannot be chosen together"),
        "{}",
        reply.body
    );
    assert_eq!(asked(&reply.body).as_deref(), Some("risk_screen"));
    assert_eq!(
        read(flow(), Some(&state_of(&reply.body))).unwrap().len(),
        given
    );
    let two = post(
        "/step",
        format!("state={state}&multiple=1&many=procedure&many=infection"),
    )
    .await;
    // Nor is it taken from an answers field edited to hold it.
    let edited = format!("{},risk_screen=none+diabetes", state_of(&page.body));
    let reply = post("/step", format!("state={}&back=1", encoded(&edited))).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    let pairs = read(flow(), Some(&state_of(&two.body))).unwrap();
    assert_eq!(
        pairs.last().unwrap(),
        &("risk_screen".into(), "infection+procedure".into())
    );
}

#[tokio::test]
async fn back_and_change_drop_answers() {
    let page = walk_to("bladder_bowel").await;
    let state = state_of(&page.body);
    let given = read(flow(), Some(&state)).unwrap().len();
    assert!(given >= 3, "{state}");
    let back = post("/step", format!("state={}&back=1", encoded(&state))).await;
    assert_eq!(
        read(flow(), Some(&state_of(&back.body))).unwrap().len(),
        given - 1
    );
    assert!(back.body.contains("Your last answer was undone."));
    let change = post("/step", format!("state={}&change=2", encoded(&state))).await;
    assert_eq!(
        read(flow(), Some(&state_of(&change.body))).unwrap().len(),
        1
    );
    assert!(
        change.body.contains("<h1>Question 2</h1>"),
        "{}",
        change.body
    );
    let first = post("/step", format!("state={}&change=1", encoded(&state))).await;
    assert_eq!(asked(&first.body).as_deref(), Some("opening"));
}

#[tokio::test]
async fn a_bad_answers_field_gets_a_clear_page() {
    let hash = &flow().meta().hash;
    let bad = [
        String::new(),
        format!("state={}", encoded(&format!("{hash}|saddle_numbness=yes"))),
        format!("state={}", encoded(&format!("{hash}|opening=nonsense"))),
        format!("state={}", encoded(&format!("{hash}|opening"))),
        format!("state={}", encoded("no-bar-at-all")),
        format!("state={}&change=9", encoded(&format!("{hash}|"))),
        format!("state={}", "a".repeat(FIELD_LIMIT + 1)),
    ];
    for body in bad {
        let reply = post("/step", body.clone()).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{body}");
        assert!(
            reply.body.contains("Your answers could not be read"),
            "{body}"
        );
        assert!(reply.body.contains("<a href=\"/\">"));
    }
    let stale = post(
        "/step",
        format!("state={}", encoded("0123|opening=self_pain")),
    )
    .await;
    assert_eq!(stale.status, StatusCode::BAD_REQUEST);
    assert!(stale.body.contains("another version"), "{}", stale.body);
    let not_utf8 = post("/step", b"state=%ff%fe".to_vec()).await;
    assert_eq!(not_utf8.status, StatusCode::BAD_REQUEST);
    let huge = post("/step", vec![b'a'; BODY_LIMIT + 1]).await;
    assert_eq!(huge.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(huge.body.contains("Too much was sent"));
    let report = post("/report", "state=x").await;
    assert_eq!(report.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn everything_typed_comes_back_escaped() {
    let page = walk_to("saddle_numbness").await;
    let state = encoded(&state_of(&page.body));
    let reply = post(
        "/step",
        format!(
            "state={state}&text={}",
            encoded("<script>alert(1)</script>")
        ),
    )
    .await;
    assert!(!reply.body.contains("<script"), "{}", reply.body);
    assert!(
        reply.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{}",
        reply.body
    );
    let choice = post(
        "/step",
        format!("state={state}&choice={}", encoded("\"><script>x</script>")),
    )
    .await;
    assert!(!choice.body.contains("<script"), "{}", choice.body);
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let replies = [
        get("/").await,
        get("/healthz").await,
        get("/style.css").await,
        get("/nowhere").await,
        get("/step").await,
        post("/step", "state=x").await,
        post(
            "/report",
            format!("state={}", encoded(&format!("{}|", flow().meta().hash))),
        )
        .await,
    ];
    for reply in replies {
        let header = |name: &str| {
            reply
                .headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_string()
        };
        assert_eq!(header("content-security-policy"), CSP, "{}", reply.status);
        assert_eq!(header("x-content-type-options"), "nosniff");
        assert_eq!(header("referrer-policy"), "no-referrer");
        assert_eq!(header("cache-control"), "no-store");
        assert!(header("set-cookie").is_empty());
    }
}

#[tokio::test]
async fn pages_are_framed_for_people_and_screen_readers() {
    let reply = get("/").await;
    assert_eq!(reply.status, StatusCode::OK);
    for part in [
        "<html lang=\"en\">",
        "<title>Question 1 - backcheck</title>",
        "<header>",
        "<main id=\"main\">",
        "<footer>",
        "<fieldset>",
        "<legend>",
        "<label for=\"words\">",
        "to go",
        "Call emergency services now",
    ] {
        assert!(reply.body.contains(part), "{part}");
    }
    assert!(!reply.body.contains("<script"));
    let problem = get("/nowhere").await;
    assert_eq!(problem.status, StatusCode::NOT_FOUND);
    assert!(problem.body.contains("Call emergency services now"));
}

#[tokio::test]
async fn the_health_check_says_ok() {
    let reply = get("/healthz").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body, "ok");
}

#[tokio::test]
async fn the_report_is_a_markdown_download() {
    let page =
        walk("opening=self_pain back_pain=yes how_old=41 pregnancy=no saddle_numbness=yes").await;
    let state = encoded(&state_of(&page.body));
    let reply = post("/report", format!("state={state}")).await;
    assert_eq!(reply.status, StatusCode::OK);
    let disposition = reply.headers["content-disposition"].to_str().unwrap();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    assert!(
        reply.body.starts_with("# backcheck report"),
        "{}",
        reply.body
    );
    assert!(reply.body.contains("saddle"), "{}", reply.body);
}

#[tokio::test]
async fn the_report_is_also_a_web_page() {
    let page =
        walk("opening=self_pain back_pain=yes how_old=41 pregnancy=no saddle_numbness=yes").await;
    assert!(
        page.body.contains("name=\"format\" value=\"html\""),
        "{}",
        page.body
    );
    let state = encoded(&state_of(&page.body));
    let reply = post("/report", format!("state={state}&format=html")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let disposition = reply.headers["content-disposition"].to_str().unwrap();
    assert!(
        disposition.contains("backcheck-report.html"),
        "{disposition}"
    );
    assert!(reply.body.starts_with("<!DOCTYPE html>"), "{}", reply.body);
    assert!(reply.body.contains("# backcheck report"), "{}", reply.body);
    // The page's own CSP applies to it too: no script in a downloaded page.
    assert!(!reply.body.contains("<script"));
}

#[tokio::test]
async fn a_screen_is_a_list_of_boxes_under_its_section() {
    let page = walk_to("history_screen").await;
    let body = &page.body;
    assert!(
        body.contains("<legend>Which of these have happened to you?"),
        "{body}"
    );
    // One box a finding, with "None of these" and "Not sure" among them.
    assert_eq!(body.matches("type=\"checkbox\"").count(), 8, "{body}");
    assert!(body.contains("None of these"), "{body}");
    assert!(body.contains("Not sure"), "{body}");
    let index = flow().find("history_screen").unwrap();
    let section = flow().node(index).section.unwrap();
    let title = &flow().sections()[section].title;
    assert!(
        body.contains(&format!("<h2 class=\"section\">{title}</h2>")),
        "{body}"
    );
    // A question without a list keeps all its words in the legend.
    let first = get("/").await;
    assert!(!first.body.contains("class=\"lettered\""), "{}", first.body);
    assert!(
        first.body.contains("<h2 class=\"section\">About you</h2>"),
        "{}",
        first.body
    );
}

#[tokio::test]
async fn a_request_that_comes_too_slowly_gets_a_408_page() {
    use futures_util::{StreamExt, stream};
    let body = Body::from_stream(
        stream::once(async { Ok::<_, std::io::Error>(axum::body::Bytes::from_static(b"state=")) })
            .chain(stream::pending()),
    );
    let request = Request::post("/step")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .unwrap();
    let limit = std::time::Duration::from_millis(100);
    let response = super::router::timed_router(app(), limit)
        .oneshot(request)
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::REQUEST_TIMEOUT);
    assert!(
        response.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            == CSP
    );
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    let page = String::from_utf8(bytes.to_vec()).unwrap();
    assert!(
        page.contains("<h1>The page took too long to arrive</h1>"),
        "{page}"
    );
    assert!(page.contains("<html lang=\"en\">"), "{page}");
}

#[tokio::test]
async fn choose_all_that_apply_needs_a_box_ticked() {
    let page = walk_to("conditions").await;
    assert!(page.body.contains("type=\"checkbox\""), "{}", page.body);
    let state = encoded(&state_of(&page.body));
    let reply = post("/step", format!("state={state}&multiple=1")).await;
    assert!(reply.body.contains("Please tick at least one box"));
    assert_eq!(asked(&reply.body).as_deref(), Some("conditions"));
}

#[tokio::test]
async fn the_therapist_view_shows_the_clinical_words() {
    AUDIENCE.with(|a| a.set(Audience::Therapist));
    let question = walk_to("conditions").await;
    assert!(question.body.contains("<p>Clinical: "), "{}", question.body);
    let result = walk(STRAIN).await;
    assert!(
        result.body.contains("<h2>Therapist&#39;s plan</h2>"),
        "{}",
        result.body
    );
    AUDIENCE.with(|a| a.set(Audience::Lay));
    let lay = walk(STRAIN).await;
    assert!(
        lay.body.contains("<h2>For your massage therapist</h2>"),
        "{}",
        lay.body
    );
    assert!(!lay.body.contains("Clinical: "));
}

#[tokio::test]
async fn a_client_that_sends_its_headers_slowly_is_cut_off() {
    use std::io::{Read, Write};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let limit = std::time::Duration::from_millis(200);
    tokio::spawn(super::serve(listener, router(app()), limit));
    // Plain blocking sockets, off the runtime the server runs on.
    let (fast, slow) = tokio::task::spawn_blocking(move || {
        let mut fast = std::net::TcpStream::connect(address).unwrap();
        fast.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .unwrap();
        let mut answer = String::new();
        fast.read_to_string(&mut answer).unwrap();
        let mut slow = std::net::TcpStream::connect(address).unwrap();
        slow.set_read_timeout(Some(limit * 10)).unwrap();
        slow.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
        let mut rest = Vec::new();
        // Ends (closed) well before its own timeout, which would be an error.
        let closed = slow.read_to_end(&mut rest).map(|_| rest);
        (answer, closed)
    })
    .await
    .unwrap();
    assert!(fast.starts_with("HTTP/1.1 200"), "{fast}");
    let rest = slow.expect("the connection was still open after ten times the limit");
    assert!(!String::from_utf8_lossy(&rest).contains("200 OK"));
}

#[tokio::test]
async fn what_was_mentioned_in_passing_travels_with_the_answers_to_the_result() {
    let page = walk_to("saddle_numbness").await;
    let state = encoded(&state_of(&page.body));
    let reply = post(
        "/step",
        format!("state={state}&text=no%2C+but+my+pee%27s+been+red"),
    )
    .await;
    // A "no, but ..." on a red flag: checked back, the mention kept.
    assert!(reply.body.contains("class=\"check\""), "{}", reply.body);
    let field = state_of(&reply.body);
    assert!(
        field.contains("my pee's been red") || field.contains("my pee&#x27;s been red"),
        "{field}"
    );
    let state = encoded(&field);
    let reply = post("/step", format!("state={state}&choice=no")).await;
    // The next question that speaks of it shows it.
    assert_eq!(
        asked(&reply.body).as_deref(),
        Some("bladder_bowel"),
        "{}",
        reply.body
    );
    assert!(reply.body.contains("Earlier you said"), "{}", reply.body);
    // A field whose mention is edited to name no question still reads.
    let bad = format!("{}|nowhere=x", state_of(&page.body));
    let pairs = read(flow(), Some(&bad)).unwrap();
    assert!(super::answers_field::mentions(flow(), Some(&bad)).is_empty());
    assert!(!pairs.is_empty());
}
