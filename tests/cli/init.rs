use crate::support::*;

#[test]
fn init_creates_the_workspace_layout() {
    let ws = Ws::bare();
    let run = ws.run(&["init", "desk"]).success();
    insta::assert_snapshot!(run.render());
    for path in [
        "factcheck.yaml",
        "claims",
        "sources",
        "templates",
        ".gitignore",
        ".gitattributes",
    ] {
        assert!(ws.join("desk").join(path).exists(), "{path} missing");
    }
    assert!(ws.read("desk/.gitattributes").contains("sources/** -text"));
    assert!(ws.read("desk/.gitignore").contains(".factcheck/"));
}

#[test]
fn init_refuses_an_existing_workspace() {
    let ws = Ws::new();
    let before = ws.files();
    let run = ws.run(&["init"]).code(2);
    assert!(
        run.stderr.contains("already a factcheck workspace"),
        "{}",
        run.render()
    );
    assert_eq!(before, ws.files());
}

#[test]
fn commands_outside_a_workspace_say_how_to_create_one() {
    let ws = Ws::bare();
    let run = ws.run(&["claim", "list"]).code(2);
    insta::assert_snapshot!(run.render());
}

#[test]
fn workspace_is_found_from_a_subfolder_and_with_dash_c() {
    let ws = Ws::with_article();
    std::fs::create_dir_all(ws.join("claims/deeper")).unwrap();
    let run = ws
        .cmd(&["source", "list", "--format", "json"])
        .dir("claims/deeper")
        .run()
        .success();
    assert!(run.stdout.contains("275e20f7"), "{}", run.render());
    let other = Ws::bare();
    let run = other
        .run(&["-C", ws.path().to_str().unwrap(), "source", "list"])
        .success();
    assert!(run.stdout.contains("275e20f7b145*"), "{}", run.render());
}

#[test]
fn who_is_required_for_writes() {
    let ws = Ws::new();
    let home = ws.join("home");
    let run = ws
        .run_with(
            &["source", "add", ARTICLE],
            &[
                ("FACTCHECK_REVIEWER", ""),
                ("HOME", home.to_str().unwrap()),
                ("GIT_CONFIG_GLOBAL", "/dev/null"),
                ("GIT_CONFIG_NOSYSTEM", "1"),
            ],
        )
        .code(2);
    assert!(
        run.stderr.contains("cannot tell who is making this change"),
        "{}",
        run.render()
    );
    assert!(run.stderr.contains("--by NAME"), "{}", run.render());
    assert!(
        std::fs::read_dir(ws.join("sources"))
            .unwrap()
            .next()
            .is_none()
    );
}

#[test]
fn init_with_dash_c_creates_the_workspace_there_not_here() {
    let ws = Ws::bare();
    let target = ws.join("elsewhere");
    ws.run(&["-C", target.to_str().unwrap(), "init"]).success();
    assert!(target.join("factcheck.yaml").is_file());
    assert!(
        !ws.join("factcheck.yaml").exists(),
        "init ignored -C and wrote into the current folder"
    );
    ws.run(&["-C", target.to_str().unwrap(), "init", "sub"])
        .success();
    assert!(target.join("sub/factcheck.yaml").is_file());
}

/// A new desk is told where the publishing settings go: `init` writes them
/// commented, and `export claimreview` names each missing one and how to set it.
#[test]
fn init_writes_commented_publishing_settings_and_export_names_the_missing_ones() {
    let config = Ws::new().read("factcheck.yaml");
    assert!(config.contains("\n# publisher: Your Desk "), "{config}");
    assert!(
        config.contains("\n# base_url: https://example.org/fact-checks/story "),
        "{config}"
    );
    let ws = Ws::with_article();
    let c = ws.nine_days();
    ws.attach(&c, "supports");
    ws.run(&[
        "mark", &c, "verified", "--rating", "Accurate", "--note", "n",
    ])
    .success();
    let run = ws.run(&["export", "claimreview"]).success();
    assert!(
        run.stderr
            .contains("add a line `publisher: Your Desk` to factcheck.yaml")
            && run.stderr.contains("add a line `base_url: "),
        "{}",
        run.render()
    );
    // Filled in, the warnings go.
    let filled = format!(
        "{}publisher: Desk\nbase_url: https://example.org/fc\n",
        ws.read("factcheck.yaml")
    );
    ws.write("factcheck.yaml", &filled);
    let run = ws.run(&["export", "claimreview"]).success();
    assert!(!run.stderr.contains("add a line"), "{}", run.render());
    assert!(
        run.stdout.contains("https://example.org/fc#"),
        "{}",
        run.stdout
    );
}
