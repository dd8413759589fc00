//! A verdict as the JSON outputs show it: two fields, `verdict` and
//! `urgency`, as README.md and docs/graph-json.md document them.

use serde::Serialize;

use crate::compile::{Urgency, Verdict};

/// `"verdict": "refer", "urgency": "urgent"`; the urgency is null unless the
/// verdict is refer. Flattened into the object that holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct VerdictJson {
    pub verdict: &'static str,
    pub urgency: Option<Urgency>,
}

impl From<Verdict> for VerdictJson {
    fn from(verdict: Verdict) -> VerdictJson {
        VerdictJson {
            verdict: verdict.word(),
            urgency: verdict.urgency(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_referral_shows_its_urgency_and_others_show_null() {
        let refer = serde_json::to_value(VerdictJson::from(Verdict::Refer(Urgency::Urgent)));
        assert_eq!(
            refer.ok(),
            Some(serde_json::json!({"verdict": "refer", "urgency": "urgent"}))
        );
        let treat = serde_json::to_value(VerdictJson::from(Verdict::Treat));
        assert_eq!(
            treat.ok(),
            Some(serde_json::json!({"verdict": "treat", "urgency": null}))
        );
    }
}
