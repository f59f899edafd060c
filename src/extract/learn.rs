//! Learning the English model from labelled debates, and measuring it.
//!
//! The data is the ClaimBuster crowd-labelled set (Arslan et al., ICWSM
//! 2020: `Verdict` 1, a check-worthy factual sentence, is positive) and the
//! CLEF-2019 CheckThat! Task 1 training debates (Atanasova et al., 2019: a
//! sentence a fact-checker checked is positive). The learner is L2-regularised
//! logistic regression, fitted by `argmin`'s L-BFGS over sparse rows: each
//! sentence's features (see `features`) weighted by their inverse document
//! frequency and scaled to unit length (TF-IDF, as a sentence has each
//! feature once); the vocabulary is the features found in at least
//! [`Options::min_count`] training sentences. Each labelled set has its own
//! bias (one sentence in 4 is positive in ClaimBuster, one in 37 in CLEF), so
//! the weights learn what makes a sentence check-worthy within a debate, not
//! which set it came from; the shipped model keeps ClaimBuster's bias, the
//! set its `checkworthy` threshold is calibrated on. Everything is deterministic:
//! rows, features and folds are ordered, the solver starts from zero and
//! runs single-threaded, and weights are written with 6 decimals.
//!
//! [`cross_validate`] holds debates out whole (ClaimBuster by `File_id`,
//! CLEF by file), scores each held-out sentence in its debate's context
//! (the model's context weight and reach, [`Options::context_weight`]) and
//! measures them as CheckThat! does: average precision per debate, its mean
//! (MAP), P@10, P@20 and R-precision; beside it the same model on each
//! sentence alone, the "contains a number" rule and the hand-weighted cue
//! score on the same rows.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use argmin::core::{CostFunction, Executor, Gradient, State as _};
use argmin::solver::linesearch::MoreThuenteLineSearch;
use argmin::solver::quasinewton::LBFGS;

use super::features::{Found, features};
use super::model::{Model, Weight, sigmoid, unit_length};
use super::score;

/// Which labelled set a sentence comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Set {
    /// ClaimBuster crowd labels: positive = check-worthy factual sentence (CFS).
    ClaimBuster,
    /// CLEF-2019 Task 1: positive = a fact-checker checked it.
    Clef2019,
}

impl Set {
    /// Every set, in the order of their biases while fitting.
    const ALL: [Set; 2] = [Set::ClaimBuster, Set::Clef2019];

    /// Where this set's bias is among [`Set::ALL`].
    fn bias_at(self) -> usize {
        match self {
            Set::ClaimBuster => 0,
            Set::Clef2019 => 1,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Set::ClaimBuster => "ClaimBuster (crowd, CFS)",
            Set::Clef2019 => "CLEF-2019 train",
        }
    }
}

/// One labelled sentence, in its debate's order.
#[derive(Debug, Clone)]
pub struct Row {
    pub set: Set,
    /// The debate (ClaimBuster `File_id`, CLEF file name).
    pub doc: String,
    pub text: String,
    pub label: bool,
}

/// The learner's settings; [`Options::default`] is what the shipped model uses.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// L2 penalty on the weights (the loss is summed over sentences).
    pub alpha: f64,
    /// A feature enters the vocabulary when this many training sentences have it.
    pub min_count: usize,
    /// At most this many features, the most frequent first (`None`: all).
    pub max_features: Option<usize>,
    /// L-BFGS iterations.
    pub iterations: u64,
    /// Folds of debates for cross-validation.
    pub folds: usize,
    /// The weight of a sentence's context (its strongest neighbour's
    /// log-odds above the bias; see `Model::context`). Not fitted: chosen by
    /// cross-validation, as the README's extraction section reports.
    pub context_weight: f64,
    /// How many sentences either side the context takes in.
    pub context_reach: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            alpha: 1.0,
            min_count: 5,
            max_features: None,
            iterations: 1000,
            folds: 4,
            context_weight: 0.1,
            context_reach: 2,
        }
    }
}

/// Reads `claimbuster-crowdsourced.csv` and `clef2019-train/*.tsv` from `dir`.
pub fn load(dir: &Path) -> Result<Vec<Row>, String> {
    let mut rows = Vec::new();
    let cb = dir.join("claimbuster-crowdsourced.csv");
    let mut reader = csv::Reader::from_path(&cb).map_err(|e| format!("{}: {e}", cb.display()))?;
    let headers = reader
        .headers()
        .map_err(|e| format!("{}: {e}", cb.display()))?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| format!("{}: no `{name}` column", cb.display()))
    };
    let (text, file, line, verdict) = (
        col("Text")?,
        col("File_id")?,
        col("Line_number")?,
        col("Verdict")?,
    );
    let mut cb_rows = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("{}: {e}", cb.display()))?;
        let field = |i: usize| record.get(i).unwrap_or_default();
        let bad = |what: &str| format!("{}: row {}: {what}", cb.display(), n + 2);
        let line: usize = field(line)
            .parse()
            .map_err(|_| bad("`Line_number` is not a number"))?;
        let verdict: i32 = field(verdict)
            .parse()
            .map_err(|_| bad("`Verdict` is not -1, 0 or 1"))?;
        cb_rows.push((
            field(file).to_string(),
            line,
            field(text).to_string(),
            verdict == 1,
        ));
    }
    cb_rows.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    rows.extend(cb_rows.into_iter().map(|(doc, _, text, label)| Row {
        set: Set::ClaimBuster,
        doc,
        text,
        label,
    }));
    let clef = dir.join("clef2019-train");
    let mut files: Vec<_> = crate::workspace::fs::list_dir(&clef)
        .map_err(|e| e.to_string())?
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    for path in files {
        let body = crate::workspace::fs::read_to_string(&path).map_err(|e| e.to_string())?;
        let doc = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        for (n, line) in body
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let bad = || {
                format!(
                    "{}: line {}: expected line, speaker, text, label",
                    path.display(),
                    n + 1
                )
            };
            let (rest, label) = line.rsplit_once('\t').ok_or_else(bad)?;
            let text = rest.splitn(3, '\t').nth(2).ok_or_else(bad)?;
            rows.push(Row {
                set: Set::Clef2019,
                doc: doc.clone(),
                text: text.to_string(),
                label: label.trim() == "1",
            });
        }
    }
    Ok(rows)
}

/// Every row's features, computed once.
pub struct Featured {
    pub rows: Vec<Row>,
    features: Vec<Vec<Found>>,
}

impl Featured {
    pub fn new(rows: Vec<Row>) -> Featured {
        let features = rows.iter().map(|r| features(&r.text)).collect();
        Featured { rows, features }
    }
}

/// Fits the model on the rows `train` (indices into `data`).
fn fit(data: &Featured, train: &[usize], opts: &Options) -> Result<Model, String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for &i in train {
        for f in &data.features[i] {
            *counts.entry(f.key.as_str()).or_default() += 1;
        }
    }
    let mut vocab: Vec<(&str, usize)> = counts
        .into_iter()
        .filter(|(_, n)| *n >= opts.min_count)
        .collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    if let Some(most) = opts.max_features {
        vocab.truncate(most);
    }
    vocab.sort();
    // A feature's weight in a sentence: its inverse document frequency
    // (smoothed, as scikit-learn's `TfidfTransformer`), the sentence's
    // features then scaled to unit length, so that a long sentence is not
    // check-worthy for its length alone.
    let rows = train.len() as f64;
    let idf: Vec<f64> = vocab
        .iter()
        .map(|(_, df)| round6(((1.0 + rows) / (1.0 + *df as f64)).ln() + 1.0))
        .collect();
    let index: HashMap<&str, usize> = vocab
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (*k, i))
        .collect();
    let x: Vec<Vec<(usize, f64)>> = train
        .iter()
        .map(|&i| {
            let mut row: Vec<(usize, f64)> = data.features[i]
                .iter()
                .filter_map(|f| index.get(f.key.as_str()).map(|&c| (c, idf[c])))
                .collect();
            unit_length(&mut row);
            row
        })
        .collect();
    let y: Vec<bool> = train.iter().map(|&i| data.rows[i].label).collect();
    let set: Vec<usize> = train.iter().map(|&i| data.rows[i].set.bias_at()).collect();
    let problem = Logistic {
        x: &x,
        y: &y,
        set: &set,
        alpha: opts.alpha,
        dims: vocab.len(),
    };
    let solver = LBFGS::new(MoreThuenteLineSearch::new(), 10)
        .with_tolerance_grad(1e-6)
        .and_then(|s| s.with_tolerance_cost(1e-12))
        .map_err(|e| format!("training failed: {e}"))?;
    let fitted = Executor::new(problem, solver)
        .configure(|state| {
            state
                .param(vec![0.0; vocab.len() + Set::ALL.len()])
                .max_iters(opts.iterations)
        })
        .run()
        .map_err(|e| format!("training failed: {e}"))?;
    let params = fitted
        .state()
        .get_best_param()
        .ok_or("training failed: the solver returned no weights")?;
    let weights = vocab
        .iter()
        .zip(params.iter().zip(&idf))
        .map(|((k, _), (w, idf))| {
            let weight = Weight {
                weight: round6(*w),
                idf: *idf,
            };
            (k.to_string(), weight)
        })
        .collect();
    Ok(Model {
        bias: round6(params[vocab.len() + Set::ClaimBuster.bias_at()]),
        threshold: 0.5,
        cue_threshold: 0.5,
        context_weight: opts.context_weight,
        context_reach: opts.context_reach,
        weights,
    })
}

/// L2-regularised logistic regression over sparse rows: the loss summed over
/// sentences plus `alpha / 2` times the squared weights (the biases, one per
/// labelled set after the `dims` weights, are not penalised). Sums run in row
/// order, so a fit is the same on every run.
struct Logistic<'a> {
    x: &'a [Vec<(usize, f64)>],
    y: &'a [bool],
    /// Each row's set, as [`Set::bias_at`].
    set: &'a [usize],
    alpha: f64,
    dims: usize,
}

impl Logistic<'_> {
    /// Each row's log-odds under `p`.
    fn margins<'p>(&'p self, p: &'p [f64]) -> impl Iterator<Item = f64> + 'p {
        self.x.iter().zip(self.set).map(move |(row, set)| {
            p[self.dims + set] + row.iter().map(|(c, v)| p[*c] * v).sum::<f64>()
        })
    }
}

impl CostFunction for Logistic<'_> {
    type Param = Vec<f64>;
    type Output = f64;

    fn cost(&self, p: &Vec<f64>) -> Result<f64, argmin::core::Error> {
        let loss: f64 = self
            .margins(p)
            .zip(self.y)
            .map(|(z, y)| softplus(z) - if *y { z } else { 0.0 })
            .sum();
        let penalty: f64 = p[..self.dims].iter().map(|w| w * w).sum();
        Ok(loss + 0.5 * self.alpha * penalty)
    }
}

impl Gradient for Logistic<'_> {
    type Param = Vec<f64>;
    type Gradient = Vec<f64>;

    fn gradient(&self, p: &Vec<f64>) -> Result<Vec<f64>, argmin::core::Error> {
        let mut g: Vec<f64> = p.iter().map(|w| self.alpha * w).collect();
        g[self.dims..].fill(0.0);
        for (((z, y), row), set) in self.margins(p).zip(self.y).zip(self.x).zip(self.set) {
            let residual = sigmoid(z) - if *y { 1.0 } else { 0.0 };
            for (c, v) in row {
                g[*c] += residual * v;
            }
            g[self.dims + set] += residual;
        }
        Ok(g)
    }
}

/// `ln(1 + e^z)` without overflow.
fn softplus(z: f64) -> f64 {
    if z > 0.0 {
        z + (-z).exp().ln_1p()
    } else {
        z.exp().ln_1p()
    }
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// The debates split into `folds` groups, deterministically: debates sorted
/// by set and name, dealt round-robin. Returns each row's fold.
fn fold_of_rows(rows: &[Row], folds: usize) -> Vec<usize> {
    let mut docs: Vec<(Set, &str)> = rows.iter().map(|r| (r.set, r.doc.as_str())).collect();
    docs.sort();
    docs.dedup();
    let fold: HashMap<(Set, &str), usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (*d, i % folds))
        .collect();
    rows.iter()
        .map(|r| fold[&(r.set, r.doc.as_str())])
        .collect()
}

/// Ranking quality over the debates of one set, CheckThat! style.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Ranking {
    pub map: f64,
    pub p10: f64,
    pub p20: f64,
    pub r_prec: f64,
    /// Debates with at least one positive (those averaged).
    pub docs: usize,
}

/// Precision, recall and F1 of a yes/no against the labels.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct YesNo {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// Ranks each debate's rows of `set` by `scores` (ties keep the debate's
/// order) and averages the measures over debates with a positive.
pub fn ranking(rows: &[Row], scores: &[f64], set: Set) -> Ranking {
    let mut docs: BTreeMap<&str, Vec<(f64, bool)>> = BTreeMap::new();
    for (r, s) in rows.iter().zip(scores) {
        if r.set == set {
            docs.entry(r.doc.as_str()).or_default().push((*s, r.label));
        }
    }
    let mut total = Ranking::default();
    for mut doc in docs.into_values() {
        let relevant = doc.iter().filter(|d| d.1).count();
        if relevant == 0 {
            continue;
        }
        doc.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (mut hits, mut ap) = (0usize, 0.0);
        for (k, d) in doc.iter().enumerate() {
            if d.1 {
                hits += 1;
                ap += hits as f64 / (k + 1) as f64;
            }
        }
        let at = |n: usize| doc.iter().take(n).filter(|d| d.1).count() as f64 / n as f64;
        total.map += ap / relevant as f64;
        total.p10 += at(10);
        total.p20 += at(20);
        total.r_prec += at(relevant);
        total.docs += 1;
    }
    let n = total.docs.max(1) as f64;
    Ranking {
        map: total.map / n,
        p10: total.p10 / n,
        p20: total.p20 / n,
        r_prec: total.r_prec / n,
        docs: total.docs,
    }
}

/// Average precision of `scores` over every row of `set` pooled (not per
/// debate): the precision at each distinct score, weighted by the recall it
/// adds, so tied sentences count as one cut (as scikit-learn's
/// `average_precision_score` computes it).
pub fn pooled_average_precision(rows: &[Row], scores: &[f64], set: Set) -> f64 {
    let mut scored: Vec<(f64, bool)> = rows
        .iter()
        .zip(scores)
        .filter(|(r, _)| r.set == set)
        .map(|(r, s)| (*s, r.label))
        .collect();
    let relevant = scored.iter().filter(|s| s.1).count();
    if relevant == 0 {
        return 0.0;
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut seen, mut hits, mut ap) = (0usize, 0usize, 0.0);
    for tied in scored.chunk_by(|a, b| a.0 == b.0) {
        let added = tied.iter().filter(|s| s.1).count();
        seen += tied.len();
        hits += added;
        ap += (added as f64 / relevant as f64) * (hits as f64 / seen as f64);
    }
    ap
}

/// Precision, recall and F1 of `yes` on the rows of `set`.
pub fn yes_no(rows: &[Row], yes: &[bool], set: Set) -> YesNo {
    let (mut tp, mut fp, mut fneg) = (0.0, 0.0, 0.0);
    for (r, y) in rows.iter().zip(yes) {
        if r.set != set {
            continue;
        }
        match (*y, r.label) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            (false, true) => fneg += 1.0,
            (false, false) => {}
        }
    }
    let precision = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let recall = if tp + fneg > 0.0 {
        tp / (tp + fneg)
    } else {
        0.0
    };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    YesNo {
        precision,
        recall,
        f1,
    }
}

/// The score at or above which F1 on the ClaimBuster rows among `rows`
/// (indices) is highest, searched on a 0.005 grid.
fn best_threshold(data: &Featured, scores: &[f64], rows: &[usize]) -> f64 {
    let picked: Vec<Row> = rows.iter().map(|&i| data.rows[i].clone()).collect();
    let s: Vec<f64> = rows.iter().map(|&i| scores[i]).collect();
    let mut best = (f64::MIN, 0.5);
    for step in 1..200 {
        let t = f64::from(step) * 0.005;
        let yes: Vec<bool> = s.iter().map(|x| *x >= t).collect();
        let f1 = yes_no(&picked, &yes, Set::ClaimBuster).f1;
        if f1 > best.0 {
            best = (f1, t);
        }
    }
    best.1
}

/// The "contains a number" rule: 1 when the sentence has a digit.
pub fn number_rule(text: &str) -> f64 {
    if text.chars().any(|c| c.is_ascii_digit()) {
        1.0
    } else {
        0.0
    }
}

/// One scorer's measured quality on the held-out debates.
#[derive(Debug, Clone)]
pub struct Scored {
    pub name: &'static str,
    pub claimbuster: Ranking,
    pub clef: Ranking,
    /// `checkworthy` (or the rule's yes) on ClaimBuster CFS.
    pub cfs: YesNo,
    /// Average precision of the scores over all ClaimBuster sentences pooled.
    pub cfs_pooled_ap: f64,
}

/// Cross-validation's outcome: the model's out-of-fold scores measured,
/// beside the number rule and the hand-weighted cues on the same rows.
#[derive(Debug, Clone)]
pub struct Report {
    pub rows: usize,
    pub debates: usize,
    pub scorers: Vec<Scored>,
    /// Each row's out-of-fold model probability.
    pub out_of_fold: Vec<f64>,
}

/// Leave-debates-out cross-validation: each fold's debates are scored by a
/// model fitted on the others, each sentence in its debate's context; the
/// `checkworthy` threshold each fold uses is the one that maximises F1 on the
/// other folds' out-of-fold scores.
pub fn cross_validate(
    data: &Featured,
    opts: &Options,
    mut progress: impl FnMut(&str),
) -> Result<Report, String> {
    let folds = fold_of_rows(&data.rows, opts.folds);
    let mut oof = vec![0.0; data.rows.len()];
    let mut alone = vec![0.0; data.rows.len()];
    for k in 0..opts.folds {
        let train: Vec<usize> = (0..data.rows.len()).filter(|&i| folds[i] != k).collect();
        let model = fit(data, &train, opts)?;
        let held: Vec<usize> = (0..data.rows.len()).filter(|&i| folds[i] == k).collect();
        // A debate's rows are consecutive, in its order.
        for debate in held.chunk_by(|&a, &b| {
            let (a, b) = (&data.rows[a], &data.rows[b]);
            (a.set, &a.doc) == (b.set, &b.doc)
        }) {
            let logits: Vec<f64> = debate
                .iter()
                .map(|&i| model.logit(&data.features[i]))
                .collect();
            for ((&i, logit), context) in debate.iter().zip(&logits).zip(model.context(&logits)) {
                alone[i] = sigmoid(*logit);
                oof[i] = sigmoid(logit + context);
            }
        }
        progress(&format!("fold {}/{} done", k + 1, opts.folds));
    }
    let held_out_yes = |scores: &[f64]| {
        let mut yes = vec![false; data.rows.len()];
        for k in 0..opts.folds {
            let others: Vec<usize> = (0..data.rows.len()).filter(|&i| folds[i] != k).collect();
            let t = best_threshold(data, scores, &others);
            for i in (0..data.rows.len()).filter(|&i| folds[i] == k) {
                yes[i] = scores[i] >= t;
            }
        }
        yes
    };
    let rows = &data.rows;
    let rule: Vec<f64> = rows.iter().map(|r| number_rule(&r.text)).collect();
    let cues: Vec<f64> = rows.iter().map(|r| score::score(&r.text).0).collect();
    let all: Vec<usize> = (0..rows.len()).collect();
    let cue_t = best_threshold(data, &cues, &all);
    let measured = |name, scores: &[f64], yes: &[bool]| Scored {
        name,
        claimbuster: ranking(rows, scores, Set::ClaimBuster),
        clef: ranking(rows, scores, Set::Clef2019),
        cfs: yes_no(rows, yes, Set::ClaimBuster),
        cfs_pooled_ap: pooled_average_precision(rows, scores, Set::ClaimBuster),
    };
    let rule_yes: Vec<bool> = rule.iter().map(|s| *s > 0.5).collect();
    let cue_yes: Vec<bool> = cues.iter().map(|s| *s >= cue_t).collect();
    let mut debates: Vec<(Set, &str)> = rows.iter().map(|r| (r.set, r.doc.as_str())).collect();
    debates.sort();
    debates.dedup();
    Ok(Report {
        rows: rows.len(),
        debates: debates.len(),
        scorers: vec![
            measured("learned model (this)", &oof, &held_out_yes(&oof)),
            measured(
                "learned model, each sentence alone",
                &alone,
                &held_out_yes(&alone),
            ),
            measured("\"contains a number\" rule", &rule, &rule_yes),
            measured("hand-weighted cues (before)", &cues, &cue_yes),
        ],
        out_of_fold: oof,
    })
}

impl Report {
    /// The table the benchmark and the trainer print.
    pub fn table(&self) -> String {
        let mut out = format!(
            "leave-debates-out cross-validation: {} sentences, {} debates\n\n",
            self.rows, self.debates
        );
        out.push_str("| scorer | ClaimBuster MAP | P@10 | P@20 | R-prec | CLEF-2019 MAP | P@10 | P@20 | R-prec | CFS precision | recall | F1 | pooled AP |\n");
        out.push_str("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for s in &self.scorers {
            let (c, l, y) = (&s.claimbuster, &s.clef, &s.cfs);
            out.push_str(&format!(
                "| {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} |\n",
                s.name, c.map, c.p10, c.p20, c.r_prec, l.map, l.p10, l.p20, l.r_prec, y.precision, y.recall, y.f1, s.cfs_pooled_ap
            ));
        }
        out
    }
}

/// Trains the shipped model: cross-validates (for the threshold and the
/// report), then fits on every row. Returns the model file's text and the report.
pub fn train(
    data: &Featured,
    opts: &Options,
    mut progress: impl FnMut(&str),
) -> Result<(String, Report), String> {
    let report = cross_validate(data, opts, &mut progress)?;
    let all: Vec<usize> = (0..data.rows.len()).collect();
    let mut model = fit(data, &all, opts)?;
    progress("final fit done");
    model.threshold = best_threshold(data, &report.out_of_fold, &all);
    let cues: Vec<f64> = data.rows.iter().map(|r| score::score(&r.text).0).collect();
    model.cue_threshold = best_threshold(data, &cues, &all);
    let header = format!(
        "factcheck extract: English check-worthiness model (logistic regression over TF-IDF features, L-BFGS).\n\
         Written by `cargo run --release --example train-extract -- DATA_DIR`; do not edit.\n\
         Trained on {} sentences of {} debates (ClaimBuster crowd labels, CLEF-2019 Task 1 train),\n\
         one bias per set while fitting; `bias` is ClaimBuster's.\n\
         alpha {}, min_count {}, max_features {}, iterations {}, folds {}, context weight {} and reach {}.\n\
         Each line: feature, weight, inverse document frequency.\n\
         threshold: max F1 on ClaimBuster CFS (out-of-fold); cue-threshold: the same for the cue score.",
        report.rows,
        report.debates,
        opts.alpha,
        opts.min_count,
        opts.max_features
            .map_or_else(|| "all".to_string(), |n| n.to_string()),
        opts.iterations,
        opts.folds,
        opts.context_weight,
        opts.context_reach
    );
    Ok((model.to_tsv(&header), report))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> Featured {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/checkworthiness");
        Featured::new(load(&dir).expect("the fixture slice loads"))
    }

    #[test]
    fn retraining_on_the_same_data_gives_byte_identical_weights() {
        let opts = Options {
            min_count: 2,
            folds: 3,
            ..Options::default()
        };
        let data = fixture();
        assert!(data.rows.iter().any(|r| r.set == Set::Clef2019 && r.label));
        assert!(
            data.rows
                .iter()
                .any(|r| r.set == Set::ClaimBuster && r.label)
        );
        let (a, _) = train(&data, &opts, |_| {}).expect("trains");
        let (b, _) = train(&fixture(), &opts, |_| {}).expect("trains again");
        assert_eq!(a, b);
        let model = Model::parse(&a).expect("its output parses");
        assert!(model.weights.len() > 50, "{}", model.weights.len());
        // It learned something: figures count for a sentence, not against it.
        assert!(
            model
                .weights
                .get("cue:figure")
                .is_some_and(|w| w.weight > 0.0),
            "{a}"
        );
    }

    #[test]
    fn ranking_measures_match_a_hand_computed_debate() {
        let row = |label| Row {
            set: Set::Clef2019,
            doc: "d".into(),
            text: String::new(),
            label,
        };
        let rows = vec![row(true), row(false), row(true), row(false)];
        // Ranked: true, false, true, false -> AP = (1/1 + 2/3) / 2.
        let r = ranking(&rows, &[0.9, 0.8, 0.7, 0.1], Set::Clef2019);
        assert!((r.map - (1.0 + 2.0 / 3.0) / 2.0).abs() < 1e-9);
        assert!((r.r_prec - 0.5).abs() < 1e-9);
        assert!((r.p10 - 0.2).abs() < 1e-9);
        // Pooled: the same without ties; with the last two tied, the cut
        // after them has 2 hits in 4.
        let pooled = pooled_average_precision(&rows, &[0.9, 0.8, 0.7, 0.1], Set::Clef2019);
        assert!((pooled - (1.0 + 2.0 / 3.0) / 2.0).abs() < 1e-9);
        let pooled = pooled_average_precision(&rows, &[0.9, 0.8, 0.1, 0.1], Set::Clef2019);
        assert!((pooled - (1.0 + 2.0 / 4.0) / 2.0).abs() < 1e-9);
        let y = yes_no(&rows, &[true, true, false, false], Set::Clef2019);
        assert!((y.precision - 0.5).abs() < 1e-9 && (y.recall - 0.5).abs() < 1e-9);
    }

    #[test]
    fn a_missing_data_folder_is_named() {
        let err = load(Path::new("/nonexistent/checkworthiness")).expect_err("fails");
        assert!(err.contains("claimbuster-crowdsourced.csv"), "{err}");
    }
}
