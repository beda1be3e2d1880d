"""deploy.yml's own steps, run against a local bare repository: what they push, and what they refuse."""
from __future__ import annotations

import json
import re

import pytest
from deploy_support import BRANCH, CHANGED, FIRST, SECOND, WORKFLOW, append, commit_and_tag

from actions_runner import Unsupported, evaluate, expand
from support import add_edition, branch_files, git


def versions(repo) -> list:
    return json.loads(git(repo, "show", f"{BRANCH}:versions.json"))


def test_the_steps_ran_from_the_workflow_file(deploys):
    steps = deploys.runs["first"]
    assert [s.name for s in steps] == ["Install pinned packages",
                                       "Deploy the edition with mike (refused before anything is pushed if it is wrong)"]
    assert "Requirement already satisfied: mike==2.2.0" in steps[0].output
    assert f"No {BRANCH} branch on origin yet: this is the first edition." in steps[1].output
    assert "mike deploy" in steps[1].output and "git push origin" in steps[1].output
    assert "already deployed with the same content" in deploys.runs["redeploy"][1].output


def test_versions_json_lists_both_editions_latest_on_the_newest(deploys):
    listed = versions(deploys.origin.bare)
    assert [(v["version"], v["aliases"]) for v in listed] == [(SECOND, ["latest"]), (FIRST, [])]


def test_latest_alias_and_default_redirect(deploys):
    served = deploys.served
    assert (served / "latest").is_symlink() and (served / "latest").resolve().name == SECOND
    redirect = (served / "index.html").read_text(encoding="utf-8")
    assert re.search(r'url=latest/"|href="latest/"', redirect), redirect


def test_root_404_in_both_languages_from_the_newest_edition(deploys):
    page = (deploys.served / "404.html").read_text(encoding="utf-8")
    assert f'data-edition="{SECOND}"' in page and 'data-site-root="/"' in page
    for text in ("Sidan finns inte", "Page not found"):  # the page answers in the reader's language
        assert text in page, text
    assert page.rstrip("\n") == (deploys.served / SECOND / "404.html").read_text(encoding="utf-8").rstrip("\n")


def test_first_edition_byte_identical_after_the_second_and_after_its_redeploy(deploys):
    assert len(deploys.first_files) > 50
    assert deploys.first_after_second == deploys.first_files
    assert deploys.first_after_redeploy == deploys.first_files


def test_redeploying_the_first_edition_leaves_latest_on_the_second(deploys):
    assert deploys.origin.refs() == deploys.refs_after_second  # the same content: nothing new pushed


def test_both_languages_in_each_edition(deploys):
    for edition in (FIRST, SECOND):
        root = deploys.served / edition
        assert '<html lang="sv"' in (root / "index.html").read_text(encoding="utf-8")
        assert '<html lang="en"' in (root / "en/index.html").read_text(encoding="utf-8")


# --- Refused deploys: one line, and the bare repository exactly as before ------------------------

def last_line(steps) -> str:
    assert steps[-1].returncode != 0, steps[-1].output
    return steps[-1].output.strip().splitlines()[-1]


@pytest.mark.parametrize("tag, ref, expected", [
    ("edition-2024-9", "refs/tags/edition-2024-9",
     "Deploy refused: '2024-9' is not an edition name in the form YYYY-MM"),
    ("v2.0", "refs/tags/v2.0", "Deploy refused: tag 'v2.0' does not name an edition."),
    ("edition-2030-01", "refs/tags/edition-2030-01",
     "Deploy refused: docs/_data/editions.yml:1: edition 2030-01 is not listed. Fix: add an entry"),
    (None, "refs/heads/main", "Deploy refused: 'refs/heads/main' is not a tag."),
])
def test_a_tag_that_names_no_edition_is_refused(spare_origin, tag, ref, expected):
    if tag:
        git(spare_origin.work, "tag", tag)
        spare_origin.push(tag)
    before = spare_origin.refs()
    steps = spare_origin.deploy(ref, event="push" if tag else "workflow_dispatch")
    line = last_line(steps)
    assert line.startswith(expected) and "Fix:" in line, line
    assert "Traceback" not in steps[-1].output and "mike deploy" not in steps[-1].output
    assert spare_origin.refs() == before


def test_a_missing_previous_edition_tag_is_refused(spare_origin):
    work = spare_origin.work
    add_edition(work, "2025-03", "10–13 mars 2025")
    commit_and_tag(work, "Edition 2025-03", "edition-2025-03")
    spare_origin.push("main", "edition-2025-03")
    git(spare_origin.bare, "tag", "-d", f"edition-{SECOND}")  # the previous edition's tag was deleted
    before = spare_origin.refs()
    steps = spare_origin.deploy("refs/tags/edition-2025-03")
    line = last_line(steps)
    assert line.startswith(f"Deploy refused: the previous edition's tag edition-{SECOND} is not in this "
                           "clone"), line
    assert "mike deploy" not in steps[-1].output
    assert spare_origin.refs() == before


def test_a_strict_build_failure_is_refused(spare_origin):
    work = spare_origin.work
    append(work / "docs" / f"{CHANGED}.md", "\nSe [en sida som inte finns](saknas.md).\n")
    add_edition(work, "2025-03", "10–13 mars 2025")
    commit_and_tag(work, "A broken link", "edition-2025-03")
    spare_origin.push("main", "edition-2025-03")
    before = spare_origin.refs()
    steps = spare_origin.deploy("refs/tags/edition-2025-03")
    line = last_line(steps)
    assert line.startswith("Deploy refused: the strict build of edition 2025-03 failed"), line
    assert "docs/strategi/budskapet.md:" in steps[-1].output and "saknas.md" in steps[-1].output
    assert spare_origin.refs() == before


def test_changed_content_for_a_deployed_edition_is_refused_unless_a_redeploy_is_asked_for(spare_origin, deploys):
    work = spare_origin.work
    append(work / "docs" / f"{CHANGED}.en.md", "\nOne more sentence, after the edition went out.\n")
    commit_and_tag(work, "Edition 2024-09, changed afterwards", f"edition-{SECOND}", force=True)
    spare_origin.push("main", f"edition-{SECOND}", force=True)
    before = spare_origin.refs()
    steps = spare_origin.deploy(f"refs/tags/edition-{SECOND}")
    line = last_line(steps)
    assert line.startswith(f"Deploy refused: edition {SECOND} is already deployed on {BRANCH} with "
                           "different content; nothing was pushed."), line
    assert "'redeploy' ticked" in line
    assert spare_origin.refs() == before

    steps = spare_origin.deploy(f"refs/tags/edition-{SECOND}", inputs={"redeploy": True},
                                event="workflow_dispatch")
    assert all(s.returncode == 0 for s in steps), steps[-1].output
    assert f"Edition {SECOND} replaced with new content (re-deploy asked for)." in steps[-1].output
    page = git(spare_origin.bare, "show", f"{BRANCH}:{SECOND}/en/strategi/budskapet/index.html")
    assert "One more sentence, after the edition went out." in page
    assert branch_files(spare_origin.bare, BRANCH, FIRST + "/") == deploys.first_files
    assert [v["aliases"] for v in versions(spare_origin.bare)] == [["latest"], []]


# --- The runner imitates GitHub's expressions ------------------------------------------------------

def test_expressions_as_github_evaluates_them():
    context = {"github": {"ref": "refs/tags/edition-2023-01", "workspace": "/w"}, "vars": {},
               "inputs": {"redeploy": True}}
    assert expand("${{ github.workspace }}/overrides/hooks", context) == "/w/overrides/hooks"
    assert expand("${{ vars.SITE_URL || 'https://x.example/' }}", context) == "https://x.example/"
    assert expand("${{ inputs.redeploy }}", context) == "true"
    assert expand("${{ inputs.missing }}", context) == ""
    assert evaluate("vars.SITE_URL || github.ref", context) == "refs/tags/edition-2023-01"
    with pytest.raises(Unsupported):
        expand("${{ contains(github.ref, 'x') }}", context)


def test_every_expression_in_deploy_yml_is_understood():
    context = {"github": {}, "vars": {}, "inputs": {}}
    for expression in re.findall(r"\$\{\{.*?\}\}", WORKFLOW.read_text(encoding="utf-8")):
        expand(expression, context)  # raises Unsupported for anything the runner would get wrong
