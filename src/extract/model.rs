//! The English check-worthiness model: a weight and an inverse document
//! frequency per feature (see `features`), learned by logistic regression
//! from labelled debates (`learn`), shipped inside the binary as `model.tsv`.
//!
//! A sentence's features that the model knows each count their inverse
//! document frequency, scaled so that they have unit length together
//! (TF-IDF); its score is `σ(bias + Σ weight × that value)`, the probability
//! the model gives it of being check-worthy. Its reasons are the features
//! that weighed most in that sum, with their signed parts.
//!
//! In a document a sentence also counts its context: the context weight
//! times how far the strongest of its neighbours (within the context reach,
//! either side, each scored alone) stands above the bias. Checkable claims
//! come in passages — a candidate arguing a record, a paragraph of figures
//! — so a sentence amid them is likelier to be checked than the same words
//! amid small talk.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::features::Found;

/// The shipped model, written by `cargo run --release --example train-extract`.
const SHIPPED: &str = include_str!("model.tsv");

/// How many features a candidate's reasons name.
const REASONS: usize = 6;

/// The reason a sentence's context gives, when its strongest neighbour
/// scores above the base rate (the bias) and when none does.
pub const NEAR_A_CLAIM: &str = "near a likely claim";
pub const NO_CLAIM_NEAR: &str = "no likely claim nearby";

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Model {
    pub(crate) bias: f64,
    /// English sentences scoring at least this are check-worthy.
    pub(crate) threshold: f64,
    /// Sentences scored by the cue weights (Chinese) are check-worthy from this score.
    pub(crate) cue_threshold: f64,
    /// The weight of a sentence's context (see [`Model::context`]).
    pub(crate) context_weight: f64,
    /// How many sentences either side a sentence's context takes in.
    pub(crate) context_reach: usize,
    pub(crate) weights: HashMap<String, Weight>,
}

/// What the model knows of one feature.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Weight {
    /// Its weight on the scaled value.
    pub(crate) weight: f64,
    /// Its inverse document frequency in the training sentences.
    pub(crate) idf: f64,
}

/// The model inside the binary.
pub(crate) fn shipped() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        Model::parse(SHIPPED).expect("model.tsv is written by the trainer and tested to parse")
    })
}

impl Model {
    /// Reads the TSV the trainer writes: `#` comment lines, then the settings
    /// `bias`, `threshold`, `cue-threshold`, `context-weight` and
    /// `context-reach` as `name<TAB>value` lines (a model without the last
    /// two weighs no context), and every feature as a
    /// `name<TAB>weight<TAB>idf` line.
    pub(crate) fn parse(text: &str) -> Result<Model, String> {
        let mut model = Model {
            bias: 0.0,
            threshold: 0.5,
            cue_threshold: 0.5,
            context_weight: 0.0,
            context_reach: 0,
            weights: HashMap::new(),
        };
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || {
                format!(
                    "line {}: expected `setting<TAB>number` or `feature<TAB>weight<TAB>idf`, got {line:?}",
                    n + 1
                )
            };
            let mut fields = line.split('\t');
            let name = fields.next().unwrap_or_default();
            let numbers = fields
                .map(|f| f.parse::<f64>().map_err(|_| bad()))
                .collect::<Result<Vec<f64>, String>>()?;
            match (name, numbers.as_slice()) {
                ("bias", [value]) => model.bias = *value,
                ("threshold", [value]) => model.threshold = *value,
                ("cue-threshold", [value]) => model.cue_threshold = *value,
                ("context-weight", [value]) => model.context_weight = *value,
                ("context-reach", [value])
                    if value.fract() == 0.0 && (0.0..=100.0).contains(value) =>
                {
                    model.context_reach = *value as usize;
                }
                (
                    "bias" | "threshold" | "cue-threshold" | "context-weight" | "context-reach",
                    _,
                ) => {
                    return Err(bad());
                }
                (_, [weight, idf]) => {
                    let weight = Weight {
                        weight: *weight,
                        idf: *idf,
                    };
                    model.weights.insert(name.to_string(), weight);
                }
                _ => return Err(bad()),
            }
        }
        Ok(model)
    }

    /// The model as the trainer writes it: settings first, then the weights
    /// sorted by name, each with 6 decimals (so retraining on the same data
    /// gives the same bytes).
    pub(crate) fn to_tsv(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            out.push_str(&format!("# {line}\n"));
        }
        out.push_str(&format!("threshold\t{:.6}\n", self.threshold));
        out.push_str(&format!("cue-threshold\t{:.6}\n", self.cue_threshold));
        out.push_str(&format!("context-weight\t{:.6}\n", self.context_weight));
        out.push_str(&format!("context-reach\t{}\n", self.context_reach));
        out.push_str(&format!("bias\t{:.6}\n", self.bias));
        let mut names: Vec<&String> = self.weights.keys().collect();
        names.sort();
        for name in names {
            let w = self.weights[name];
            out.push_str(&format!("{name}\t{:.6}\t{:.6}\n", w.weight, w.idf));
        }
        out
    }

    /// Each known feature's part in the log-odds of a sentence with these
    /// features: its weight times its scaled inverse document frequency.
    fn parts<'f>(&self, features: &'f [Found]) -> Vec<(&'f Found, f64)> {
        let mut known: Vec<((&Found, f64), f64)> = features
            .iter()
            .filter_map(|f| {
                let w = self.weights.get(&f.key)?;
                Some(((f, w.weight), w.idf))
            })
            .collect();
        unit_length(&mut known);
        known
            .into_iter()
            .map(|((f, weight), value)| (f, weight * value))
            .collect()
    }

    /// The log-odds of a sentence with these features.
    pub(crate) fn logit(&self, features: &[Found]) -> f64 {
        self.log_odds(&self.parts(features))
    }

    /// The log-odds of a sentence whose known features have these parts.
    fn log_odds(&self, parts: &[(&Found, f64)]) -> f64 {
        self.bias + parts.iter().map(|(_, p)| p).sum::<f64>()
    }

    /// A sentence's log-odds alone and the parts that may be its reasons.
    pub(crate) fn weigh(&self, features: &[Found]) -> Weighed {
        let mut parts = self.parts(features);
        let logit = self.log_odds(&parts);
        keep_strongest(&mut parts, |(_, part)| *part, |(f, _)| &f.key);
        let top = parts
            .into_iter()
            .map(|(f, part)| Reason {
                shown: f.shown.clone(),
                key: f.key.clone(),
                part,
            })
            .collect();
        Weighed { logit, top }
    }

    /// The context part of each sentence of a document, given the log-odds
    /// of its sentences in order, each scored alone: the context weight
    /// times how far the strongest neighbour within the reach, either side,
    /// stands above the bias (0 for a sentence with no neighbour).
    pub(crate) fn context(&self, logits: &[f64]) -> Vec<f64> {
        (0..logits.len())
            .map(|i| {
                let from = i.saturating_sub(self.context_reach);
                let to = (i + self.context_reach + 1).min(logits.len());
                (from..to)
                    .filter(|&j| j != i)
                    .map(|j| logits[j])
                    .max_by(f64::total_cmp)
                    .map_or(0.0, |strongest| {
                        self.context_weight * (strongest - self.bias)
                    })
            })
            .collect()
    }

    /// The probability and the reasons of a [`Model::weigh`]ed sentence: the
    /// parts that weighed most, strongest first, as `shown (+0.42)`. `bonus`
    /// adds to the log-odds unexplained (the caller names it); `context` is
    /// the sentence's context part, a reason among the features.
    pub(crate) fn explain(&self, weighed: Weighed, bonus: f64, context: f64) -> (f64, Vec<String>) {
        let p = sigmoid(weighed.logit + context + bonus);
        let shown = if context >= 0.0 {
            NEAR_A_CLAIM
        } else {
            NO_CLAIM_NEAR
        };
        let mut top = weighed.top;
        top.push(Reason {
            shown: shown.to_string(),
            key: String::new(),
            part: context,
        });
        keep_strongest(&mut top, |r| r.part, |r| &r.key);
        let reasons = top
            .into_iter()
            .map(|r| format!("{} ({:+.2})", r.shown, r.part))
            .collect();
        (p, reasons)
    }
}

/// A sentence weighed by the model: its log-odds alone, and the parts that
/// may be named as its reasons.
#[derive(Debug, Clone)]
pub(crate) struct Weighed {
    pub(crate) logit: f64,
    /// At most [`REASONS`] parts, strongest first.
    top: Vec<Reason>,
}

/// One part of a sentence's log-odds, as a reason names it.
#[derive(Debug, Clone)]
struct Reason {
    shown: String,
    /// The feature's name: ties in strength are ordered by it.
    key: String,
    part: f64,
}

/// Keeps the [`REASONS`] parts that weigh most, strongest first, ties in
/// the order of their keys; parts under 0.005 either way are not reasons.
fn keep_strongest<T>(parts: &mut Vec<T>, part: fn(&T) -> f64, key: fn(&T) -> &str) {
    parts.retain(|p| part(p).abs() >= 0.005);
    parts.sort_by(|a, b| {
        part(b)
            .abs()
            .total_cmp(&part(a).abs())
            .then_with(|| key(a).cmp(key(b)))
    });
    parts.truncate(REASONS);
}

/// Scales a sentence's feature values to unit length together (TF-IDF's
/// last step), the same in training and in scoring; none at all stays none.
pub(crate) fn unit_length<T>(values: &mut [(T, f64)]) {
    let norm = values.iter().map(|(_, v)| v * v).sum::<f64>().sqrt();
    if norm > 0.0 {
        for (_, v) in values {
            *v /= norm;
        }
    }
}

pub(crate) fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_parses_and_round_trips() {
        let m = shipped();
        assert!(m.weights.len() > 100, "{}", m.weights.len());
        assert!((0.0..1.0).contains(&m.threshold) && (0.0..1.0).contains(&m.cue_threshold));
        let again = Model::parse(&m.to_tsv("x")).expect("its own output parses");
        assert_eq!(&again, m);
    }

    #[test]
    fn context_is_the_strongest_neighbour_within_reach_above_the_bias() {
        let model = Model {
            bias: -1.0,
            context_weight: 0.5,
            context_reach: 1,
            ..Model::parse("").expect("an empty model parses")
        };
        // Neighbours within one sentence: the strongest counts, itself never.
        let context = model.context(&[3.0, -2.0, 5.0, -1.0]);
        assert_eq!(
            context,
            [0.5 * (-2.0 + 1.0), 0.5 * (5.0 + 1.0), 0.5 * 0.0, 0.5 * 6.0]
        );
        // A lone sentence has no context; a model without the setting weighs none.
        assert_eq!(model.context(&[4.0]), [0.0]);
        let none = Model::parse("bias\t-1\n").expect("parses");
        assert_eq!(none.context(&[3.0, 5.0]), [0.0, 0.0]);
    }

    #[test]
    fn a_malformed_model_line_is_named() {
        let err = Model::parse("bias\t1\nw:tax 0.5\n").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
        let err = Model::parse("bias\t1\nw:tax\t0.5\n").unwrap_err();
        assert!(err.contains("line 2") && err.contains("idf"), "{err}");
        let err = Model::parse("threshold\t0.5\t1\n").unwrap_err();
        assert!(err.contains("line 1"), "{err}");
        let err = Model::parse("context-reach\t1.5\n").unwrap_err();
        assert!(err.contains("line 1"), "{err}");
    }
}
