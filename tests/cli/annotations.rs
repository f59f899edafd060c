//! `factcheck export annotations`: the claims as a W3C Web Annotation
//! collection, checked against the model's required fields and resolved by a
//! real annotation client (tests/js, with Node).

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::cargo::cargo_bin;
use serde_json::Value;

use crate::scenario::{build_fixture, fixture_dir};
use crate::support::*;

const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

fn export(ws: &Ws, args: &[&str]) -> (Value, Run) {
    let mut all = vec!["export", "annotations"];
    all.extend_from_slice(args);
    let run = ws.run(&all).success();
    let value = serde_json::from_str(&run.stdout).expect("a JSON document");
    (value, run)
}

fn items(collection: &Value) -> Vec<&Value> {
    collection["first"]["items"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

/// The annotation of the claim with this text (its `describing` body).
fn by_text<'a>(collection: &'a Value, text: &str) -> &'a Value {
    items(collection)
        .into_iter()
        .find(|a| {
            a["body"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|b| b["purpose"] == "describing" && b["value"] == text)
        })
        .unwrap_or_else(|| panic!("no annotation for {text:?}"))
}

fn selector<'a>(annotation: &'a Value, kind: &str) -> &'a Value {
    annotation["target"]["selector"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["type"] == kind))
        .unwrap_or_else(|| panic!("no {kind} in {annotation:#}"))
}

fn bodies<'a>(annotation: &'a Value, purpose: &str) -> Vec<&'a Value> {
    annotation["body"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|b| b["purpose"] == purpose)
        .collect()
}

/// A desk whose texts hold characters outside the Basic Multilingual Plane.
fn astral_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/annotations/astral-desk")
}

fn astral() -> Ws {
    build_fixture(&astral_dir())
}

#[test]
fn annotations_of_a_small_workspace() {
    let ws = astral();
    let run = ws.run(&["export", "annotations"]).success();
    assert_eq!(
        run.stderr,
        "left out 1 unanchored claim (no quote to point at)\n"
    );
    insta::assert_snapshot!(run.stdout);
}

/// Every MUST of the Web Annotation Data Model (and the SHOULDs we keep) for
/// the parts the export writes, §3.1–§5.2.
fn assert_model(collection: &Value) {
    let at = |what: &str, ok: bool| assert!(ok, "{what}\n{collection:#}");
    let iri = |v: &Value| v.as_str().is_some_and(is_iri);
    let time = |v: &Value| v.as_str().is_some_and(is_utc_time);
    // §5.1 Annotation Collection
    at("collection @context", collection["@context"] == CONTEXT);
    at("collection id", iri(&collection["id"]));
    at(
        "collection type",
        collection["type"] == "AnnotationCollection",
    );
    let total = collection["total"].as_u64().expect("total") as usize;
    let items = items(collection);
    at("total counts the items", total == items.len());
    if total == 0 {
        at(
            "no first page when empty",
            collection.get("first").is_none(),
        );
        return;
    }
    // §5.2 Annotation Page
    let page = &collection["first"];
    at("page id", iri(&page["id"]));
    at("page type", page["type"] == "AnnotationPage");
    at("page partOf", page["partOf"] == collection["id"]);
    at("page startIndex", page["startIndex"] == 0);
    let mut ids = std::collections::BTreeSet::new();
    for a in items {
        let at = |what: &str, ok: bool| assert!(ok, "{what}\n{a:#}");
        // §3.1 Annotation
        at("@context", a["@context"] == CONTEXT);
        at("id is an IRI", iri(&a["id"]));
        at("ids are unique", ids.insert(a["id"].to_string()));
        at("type", a["type"] == "Annotation");
        at("motivation", a["motivation"] == "assessing");
        // §3.3 lifecycle and agents
        at("created", time(&a["created"]));
        at("modified", time(&a["modified"]));
        at(
            "created <= modified",
            a["created"].as_str() <= a["modified"].as_str(),
        );
        at(
            "creator",
            a["creator"]["type"] == "Person" && a["creator"]["name"].is_string(),
        );
        // §4 target: a Specific Resource with a State and two Selectors
        let t = &a["target"];
        at("target type", t["type"] == "SpecificResource");
        at("target source", iri(&t["source"]));
        if let Some(state) = t.get("state") {
            at("state type", state["type"] == "TimeState");
            at("state sourceDate", time(&state["sourceDate"]));
            at(
                "state cached",
                state["cached"].as_str().is_some_and(is_sha256_urn),
            );
        } else {
            at(
                "without a state the source is the snapshot",
                t["source"].as_str().is_some_and(is_sha256_urn),
            );
        }
        let quote = selector(a, "TextQuoteSelector");
        at(
            "exact",
            quote["exact"].as_str().is_some_and(|s| !s.is_empty()),
        );
        for key in ["prefix", "suffix"] {
            at(
                "prefix/suffix are non-empty strings when present",
                quote
                    .get(key)
                    .is_none_or(|v| v.as_str().is_some_and(|s| !s.is_empty())),
            );
        }
        let pos = selector(a, "TextPositionSelector");
        let (start, end) = (pos["start"].as_u64(), pos["end"].as_u64());
        at("start <= end", start.is_some() && start <= end);
        at(
            "the two selectors select as many characters",
            end.zip(start).map(|(e, s)| (e - s) as usize)
                == quote["exact"].as_str().map(|s| s.chars().count()),
        );
        // §3.2 bodies
        let body = a["body"].as_array().expect("body is a list");
        at("a describing body", bodies(a, "describing").len() == 1);
        for b in body {
            let at = |what: &str, ok: bool| assert!(ok, "{what}\n{b:#}");
            at(
                "purpose is a motivation",
                [
                    "assessing",
                    "classifying",
                    "commenting",
                    "describing",
                    "editing",
                    "linking",
                ]
                .contains(&b["purpose"].as_str().unwrap_or("")),
            );
            match b["type"].as_str() {
                Some("TextualBody") => {
                    at("value", b["value"].as_str().is_some_and(|s| !s.is_empty()));
                    at("format", b["format"] == "text/plain");
                }
                Some("SpecificResource") => {
                    at("linking", b["purpose"] == "linking");
                    for s in b["selector"].as_array().into_iter().flatten() {
                        at(
                            "evidence selector",
                            s["type"] == "TextQuoteSelector" && s["exact"].is_string()
                                || s["type"] == "TextPositionSelector"
                                    && s["start"].as_u64() <= s["end"].as_u64(),
                        );
                    }
                    at("source", iri(&b["source"]));
                    at(
                        "stance",
                        ["supports", "refutes", "context"]
                            .contains(&b["label"].as_str().unwrap_or("")),
                    );
                    at("evidence creator", b["creator"]["type"] == "Person");
                    at("evidence created", time(&b["created"]));
                }
                _ => at("a TextualBody or a SpecificResource", false),
            }
        }
    }
}

/// An absolute IRI: a scheme, a colon, no spaces.
fn is_iri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && !rest.is_empty()
        && !s.contains(char::is_whitespace)
}

fn is_sha256_urn(s: &str) -> bool {
    s.strip_prefix("urn:sha256:").is_some_and(|hex| {
        hex.len() == 64 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    })
}

/// `xsd:dateTime` in UTC, as the model asks: `2026-11-28T10:00:00Z`.
fn is_utc_time(s: &str) -> bool {
    s.len() == 20 && s.ends_with('Z') && s.parse::<jiff::Timestamp>().is_ok()
}

#[test]
fn every_annotation_has_what_the_web_annotation_model_requires() {
    let fixtures = ["en-desk", "zh-desk", "second-reviewer"].map(fixture_dir);
    for dir in std::iter::once(astral_dir()).chain(fixtures) {
        let ws = build_fixture(&dir);
        let (collection, _) = export(&ws, &[]);
        assert!(!items(&collection).is_empty(), "{}", dir.display());
        assert_model(&collection);
    }
    let (empty, _) = export(&Ws::new(), &[]);
    assert_model(&empty);
}

#[test]
fn the_structure_check_catches_a_missing_required_field() {
    let (mut collection, _) = export(&astral(), &[]);
    collection["first"]["items"][0]
        .as_object_mut()
        .unwrap()
        .remove("@context");
    let caught = std::panic::catch_unwind(|| assert_model(&collection));
    assert!(caught.is_err());
}

#[test]
fn the_target_is_the_url_with_the_snapshot_as_its_cached_copy() {
    let ws = astral();
    let (collection, _) = export(&ws, &[]);
    let crowd = by_text(
        &collection,
        "About 12,000 people came to the festival on Saturday.",
    );
    let target = &crowd["target"];
    assert_eq!(
        target["source"],
        "https://news.example.org/harbour-festival"
    );
    let article = ws.read("factcheck.yaml");
    let article_hex = article
        .lines()
        .find_map(|l| l.strip_prefix("article: sha256:"))
        .expect("an article");
    assert_eq!(target["state"]["type"], "TimeState");
    assert_eq!(
        target["state"]["cached"],
        format!("urn:sha256:{article_hex}")
    );
    assert_eq!(target["state"]["sourceDate"], "2026-11-28T09:00:00Z");
    let quote = selector(crowd, "TextQuoteSelector");
    assert_eq!(quote["exact"], "12,000 people came on Saturday");
    // 32 code points of context in the record; 32 UTF-16 units here.
    assert_eq!(quote["prefix"], "stival 🎉🎉\n\nOrganisers 🎉 said ");
    // Code points, not UTF-16 units: the emoji before it count one each.
    let pos = selector(crowd, "TextPositionSelector");
    let text = std::fs::read_to_string(astral_dir().join("article.md")).unwrap();
    let start = pos["start"].as_u64().unwrap() as usize;
    let chars: String = text.chars().skip(start).take(30).collect();
    assert_eq!(chars, "12,000 people came on Saturday");
    let units = text[..text.find("12,000").unwrap()].encode_utf16().count();
    assert_ne!(
        units, start,
        "the fixture must tell code points from UTF-16 units"
    );
}

#[test]
fn claims_in_other_snapshots_carry_their_own_source() {
    let ws = astral();
    let (collection, _) = export(&ws, &[]);
    let raised = by_text(
        &collection,
        "The festival raised £40,000 for the lifeboat 🚤 station.",
    );
    // The press release has no url: the snapshot itself is the source.
    let source = raised["target"]["source"].as_str().unwrap();
    assert!(is_sha256_urn(source), "{source}");
    assert!(raised["target"].get("state").is_none());
    let listed = ws.run(&["source", "list", "--format", "json"]).success();
    let sources: Vec<Value> = serde_json::from_str(&listed.stdout).unwrap();
    let release = sources
        .iter()
        .find(|s| s["title"] == "Council press release")
        .unwrap();
    assert_eq!(
        source,
        format!("urn:sha256:{}", release["sha256"].as_str().unwrap())
    );
    // After the article's claims, as the reports order them.
    let last = items(&collection).last().copied().unwrap();
    assert_eq!(last["id"], raised["id"]);
}

#[test]
fn bodies_carry_the_verdict_correction_and_evidence() {
    let (collection, _) = export(&astral(), &[]);
    let bowls = by_text(
        &collection,
        "The 𠮷野家 stall sold 3,000 bowls 🍜 in one day.",
    );
    let one = |purpose| {
        let found = bodies(bowls, purpose);
        assert_eq!(found.len(), 1, "{purpose}: {bowls:#}");
        found[0]
    };
    assert_eq!(one("assessing")["value"], "Exaggerated");
    assert_eq!(one("assessing")["creator"]["name"], "bob");
    assert_eq!(one("assessing")["created"], "2026-11-28T11:00:00Z");
    assert_eq!(one("classifying")["value"], "disputed");
    assert_eq!(one("commenting")["value"], "The stall report says 1,800.");
    assert_eq!(
        one("editing")["value"],
        "The 𠮷野家 stall sold 1,800 bowls 🍜 on Saturday."
    );
    let evidence = one("linking");
    assert_eq!(evidence["label"], "refutes");
    assert_eq!(
        evidence["source"],
        "https://harbourside.example.gov/festival/stalls"
    );
    // The excerpt was typed with a straight apostrophe and a doubled space;
    // the selector holds the words as the snapshot spells them, and where.
    assert_eq!(evidence["selector"][0]["type"], "TextQuoteSelector");
    assert_eq!(
        evidence["selector"][0]["exact"],
        "stall’s count — sold 1,800 bowls 🍜"
    );
    assert_eq!(
        evidence["selector"][0]["prefix"],
        "Stall takings: the 𠮷野家 "
    );
    assert_eq!(evidence["selector"][1]["type"], "TextPositionSelector");
    assert_eq!(evidence["selector"][1]["start"], 23);
    assert!(
        evidence["state"]["cached"]
            .as_str()
            .is_some_and(is_sha256_urn)
    );
    // The unverifiable claim has a label and a note, but nothing to correct.
    let cost = by_text(&collection, "The festival cost the city nothing.");
    assert_eq!(bodies(cost, "assessing")[0]["value"], "Unverifiable");
    assert!(bodies(cost, "editing").is_empty());
    // The annotation's creator is who added the claim; modified is its last change.
    let crowd = by_text(
        &collection,
        "About 12,000 people came to the festival on Saturday.",
    );
    assert_eq!(crowd["creator"]["name"], "alice");
    assert_eq!(crowd["created"], "2026-11-28T09:10:00Z");
    assert_eq!(crowd["modified"], "2026-11-28T11:00:00Z");
    // Its words are bob's, who edited them.
    let words = bodies(crowd, "describing")[0];
    assert_eq!(words["creator"]["name"], "bob");
    assert_eq!(words["created"], "2026-11-28T10:00:00Z");
}

#[test]
fn ids_are_the_base_url_and_claim_id_else_a_stable_urn() {
    let (collection, _) = export(&build_fixture(&fixture_dir("en-desk")), &[]);
    let ids: Vec<&str> = items(&collection)
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    let base = "https://desk.example.org/checks/harbourside";
    assert_eq!(
        ids,
        [
            format!("{base}#revenue"),
            format!("{base}#homes"),
            format!("{base}#script"),
            format!("{base}#unanimous"),
        ]
    );
    assert_eq!(collection["id"], format!("{base}#_annotations"));

    let ws = astral();
    let (before, _) = export(&ws, &[]);
    let id = by_text(&before, "The festival cost the city nothing.")["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(id.starts_with("urn:uuid:"), "{id}");
    // Editing the claim and changing its verdict keep its id.
    ws.run(&[
        "claim",
        "edit",
        "cost",
        "--text",
        "The festival cost the city £0.",
    ])
    .success();
    ws.run(&["mark", "cost", "unverified", "--note", "reopened"])
        .success();
    let (after, _) = export(&ws, &[]);
    assert_eq!(by_text(&after, "The festival cost the city £0.")["id"], id);
    assert_eq!(before["id"], after["id"]);
}

#[test]
fn status_filters_the_claims() {
    let ws = astral();
    let (collection, run) = export(&ws, &["--status", "disputed", "--status", "unverifiable"]);
    let texts: Vec<&str> = items(&collection)
        .iter()
        .map(|a| bodies(a, "describing")[0]["value"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            "The 𠮷野家 stall sold 3,000 bowls 🍜 in one day.",
            "The festival cost the city nothing."
        ]
    );
    assert_eq!(collection["total"], 2);
    // The unanchored claim is unverified, so none was left out.
    assert_eq!(run.stderr, "");
}

#[test]
fn out_writes_the_file_and_says_so() {
    let ws = astral();
    let stdout = ws.run(&["export", "annotations"]).success().stdout;
    let run = ws
        .run(&["export", "annotations", "--out", "annotations.jsonld"])
        .success();
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .contains("wrote 4 annotations to `annotations.jsonld`"),
        "{}",
        run.render()
    );
    assert_eq!(ws.read("annotations.jsonld"), stdout);
}

#[test]
fn the_export_is_byte_identical_at_any_time() {
    let ws = astral();
    let first = ws.run(&["export", "annotations"]).success().stdout;
    let later = ws
        .run_with(
            &["export", "annotations"],
            &[("FACTCHECK_NOW", "2031-01-01T00:00:00Z")],
        )
        .success()
        .stdout;
    assert_eq!(first, later);
}

#[test]
fn stale_offsets_are_exported_where_the_quote_is_now() {
    let ws = astral();
    let (before, _) = export(&ws, &[]);
    let path = ws.claim_file("cost");
    let record = ws.read(&path);
    let start = record
        .lines()
        .find_map(|l| l.trim().strip_prefix("start: "))
        .unwrap()
        .to_string();
    let stale = (start.parse::<usize>().unwrap() - 3).to_string();
    ws.write(
        &path,
        &record.replace(&format!("start: {start}"), &format!("start: {stale}")),
    );
    let (after, run) = export(&ws, &[]);
    assert_eq!(after, before);
    assert!(
        run.stderr.contains(
            "1 selector had stale offsets and was exported where the quote is now (`factcheck check --fix` updates the records)"
        ),
        "{}",
        run.render()
    );
}

#[test]
fn a_quote_that_no_longer_occurs_is_left_out() {
    let ws = astral();
    let path = ws.claim_file("cost");
    let record = ws.read(&path);
    ws.write(
        &path,
        &record.replace(
            "exact: the festival cost the city nothing",
            "exact: the festival cost the city a fortune",
        ),
    );
    let (collection, run) = export(&ws, &[]);
    assert_eq!(collection["total"], 3);
    assert!(
        run.stderr.contains(
            "left out 1 claim whose quote no longer occurs in its snapshot (`factcheck check` lists it)"
        ),
        "{}",
        run.render()
    );
}

#[test]
fn a_missing_snapshot_leaves_its_selectors_as_recorded() {
    let ws = astral();
    let (before, _) = export(&ws, &[]);
    let release = by_text(
        &before,
        "The festival raised £40,000 for the lifeboat 🚤 station.",
    );
    let hex = release["target"]["source"]
        .as_str()
        .and_then(|s| s.strip_prefix("urn:sha256:"))
        .unwrap()
        .to_string();
    std::fs::remove_file(ws.join(&format!("sources/{hex}.txt"))).unwrap();
    let (after, run) = export(&ws, &[]);
    assert_eq!(after, before);
    assert!(
        run.stderr.contains(
            "1 selector exported as recorded: its snapshot could not be read (`factcheck check` says why)"
        ),
        "{}",
        run.render()
    );
}

#[test]
fn unsigned_verdicts_are_left_out_with_a_second_reviewer() {
    let ws = build_fixture(&fixture_dir("second-reviewer"));
    let (collection, run) = export(&ws, &[]);
    assert!(
        run.stderr.contains(
            "1 verdict awaiting sign-off left out of its annotation (`factcheck sign CLAIM`)"
        ),
        "{}",
        run.render()
    );
    let verdicts = |c: &Value| -> Vec<usize> {
        items(c)
            .iter()
            .map(|a| bodies(a, "assessing").len())
            .collect()
    };
    assert!(verdicts(&collection).contains(&0), "{collection:#}");
    ws.run_with(&["sign", "traffic"], &[("FACTCHECK_REVIEWER", "carol")])
        .success();
    let (signed, run) = export(&ws, &[]);
    assert!(!verdicts(&signed).contains(&0), "{signed:#}");
    assert_eq!(run.stderr, "");
}

#[test]
fn empty_workspace_exports_an_empty_collection() {
    let (collection, run) = export(&Ws::new(), &[]);
    assert_eq!(collection["type"], "AnnotationCollection");
    assert_eq!(collection["total"], 0);
    assert!(collection.get("first").is_none());
    assert_eq!(run.stderr, "");
}

// ---------------------------------------------------------------------------
// The round trip through a real client: tests/js/resolve.mjs resolves every
// selector with dom-anchor-text-position and dom-anchor-text-quote in jsdom.
// ---------------------------------------------------------------------------

/// `tests/js`, when Node and its packages are there; else a skip (a failure
/// with `FACTCHECK_REQUIRE_NODE=1`).
fn node_client() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js");
    let has_node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let has_packages = ["jsdom", "dom-anchor-text-quote", "dom-anchor-text-position"]
        .iter()
        .all(|p| dir.join("node_modules").join(p).is_dir());
    let missing = if !has_node {
        "node is not on PATH"
    } else if !has_packages {
        "tests/js/node_modules is missing (run `npm ci` in tests/js)"
    } else {
        return Some(dir);
    };
    assert!(
        std::env::var_os("FACTCHECK_REQUIRE_NODE").is_none_or(|v| v.is_empty() || v == "0"),
        "FACTCHECK_REQUIRE_NODE is set but {missing}"
    );
    eprintln!("skipping the JavaScript round trip: {missing}");
    None
}

/// Runs the client on an exported file; returns its summary line.
fn resolve(client: &Path, annotations: &Path, sources: &Path) -> String {
    let out = Command::new("node")
        .current_dir(client)
        .arg("resolve.mjs")
        .arg(annotations)
        .arg(sources)
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "the JavaScript client did not resolve every selector:\n{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout.trim().to_string()
}

#[test]
fn a_javascript_client_resolves_every_selector_across_astral_characters() {
    let Some(client) = node_client() else {
        return;
    };
    let ws = astral();
    ws.run(&["export", "annotations", "--out", "annotations.jsonld"])
        .success();
    let summary = resolve(&client, &ws.join("annotations.jsonld"), &ws.join("sources"));
    assert_eq!(
        summary,
        "resolved 4 of 4 claim selectors and 2 of 2 evidence selectors in 4 snapshot(s); 6 lie where UTF-16 offsets differ from code points"
    );
}

#[test]
fn the_javascript_client_catches_a_selector_that_misses_its_words() {
    let Some(client) = node_client() else {
        return;
    };
    let ws = astral();
    let (mut collection, _) = export(&ws, &[]);
    // Offsets in UTF-16 units, as a careless exporter would write them.
    let text = std::fs::read_to_string(astral_dir().join("article.md")).unwrap();
    let pos = &mut collection["first"]["items"][0]["target"]["selector"][1];
    let start = pos["start"].as_u64().unwrap() as usize;
    let units = |cp: usize| text.chars().take(cp).map(char::len_utf16).sum::<usize>();
    let end = pos["end"].as_u64().unwrap() as usize;
    pos["start"] = units(start).into();
    pos["end"] = units(end).into();
    ws.write("wrong.jsonld", &collection.to_string());
    let out = Command::new("node")
        .current_dir(&client)
        .arg("resolve.mjs")
        .arg(ws.join("wrong.jsonld"))
        .arg(ws.join("sources"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{stdout}");
    assert!(
        stdout.contains("resolved 3 of 4 claim selectors"),
        "{stdout}"
    );
}

#[test]
fn a_javascript_client_resolves_every_selector_of_the_bundled_fact_check() {
    let Some(client) = node_client() else {
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out_dir = tempfile::tempdir().unwrap();
    let file = out_dir.path().join("annotations.jsonld");
    let run = Command::new(cargo_bin("factcheck"))
        .arg("-C")
        .arg(root)
        .args(["export", "annotations", "--out"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let collection: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_model(&collection);
    let anchored = std::fs::read_dir(root.join("claims"))
        .unwrap()
        .filter(|e| {
            std::fs::read_to_string(e.as_ref().unwrap().path())
                .unwrap()
                .contains("\nappears_in:")
        })
        .count();
    assert!(anchored > 0);
    assert_eq!(collection["total"], anchored);
    let excerpts = items(&collection)
        .iter()
        .flat_map(|a| bodies(a, "linking"))
        .filter(|b| b["selector"].as_array().is_some_and(|s| s.len() == 2))
        .count();
    // Every snapshot's text as factcheck derives it (the bytes, for text; what
    // a reader sees, for HTML), so the check holds whatever the sources are.
    let texts = tempfile::tempdir().unwrap();
    let ws = factcheck::workspace::Workspace::find(Some(root)).unwrap();
    for meta in factcheck::workspace::store::load_all(&ws).unwrap() {
        if let Ok(text) = factcheck::workspace::store::read_text(&ws, &meta) {
            let name = format!("{}.txt", meta.sha256.hex());
            std::fs::write(texts.path().join(name), text.as_str()).unwrap();
        }
    }
    let summary = resolve(&client, &file, texts.path());
    assert!(
        summary.starts_with(&format!(
            "resolved {anchored} of {anchored} claim selectors and {excerpts} of {excerpts} evidence selectors"
        )),
        "{summary}"
    );
}
