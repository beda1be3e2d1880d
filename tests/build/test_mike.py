"""Editions deployed with mike into a throw-away git repository (nothing is pushed)."""
from __future__ import annotations

import json
import re

from support import branch_files, git


def test_versions_json_lists_both_editions_with_latest_on_the_newest(mike_site):
    versions = json.loads(git(mike_site.repo, "show", f"{mike_site.branch}:versions.json"))
    assert [v["version"] for v in versions] == [mike_site.second, mike_site.first]
    assert versions[0]["aliases"] == ["latest"] and versions[1]["aliases"] == []


def test_latest_alias_and_default_redirect(mike_site):
    served = mike_site.served
    assert (served / "latest").is_symlink() and (served / "latest").resolve().name == mike_site.second
    redirect = (served / "index.html").read_text(encoding="utf-8")
    assert re.search(r'url=latest/"|href="latest/"', redirect), redirect


def test_both_language_trees_in_each_edition(mike_site):
    for edition in (mike_site.first, mike_site.second):
        root = mike_site.served / edition
        assert '<html lang="sv"' in (root / "index.html").read_text(encoding="utf-8")
        assert '<html lang="en"' in (root / "en/index.html").read_text(encoding="utf-8")
        assert (root / "strategi/vad-ar-gvi/index.html").exists()
        assert (root / "en/strategi/vad-ar-gvi/index.html").exists()


def test_first_edition_is_byte_identical_after_the_second_deploy(mike_site):
    after = branch_files(mike_site.repo, mike_site.branch, mike_site.first + "/")
    assert len(after) > 20
    assert after == mike_site.first_files


def test_sitemap_under_an_edition_has_correct_urls(mike_site):
    sitemap = (mike_site.served / mike_site.first / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    alternates = re.findall(r'hreflang="(\w+)" href="([^"]+)"', sitemap)
    assert locs and alternates
    prefix = f"https://gvi-veckan.example.org/{mike_site.first}/"
    for url in locs + [href for _, href in alternates]:
        assert url.startswith(prefix), url
        assert not re.search(rf"{mike_site.first}(en|[a-z])", url), url  # no '…/2023-01en/'
    assert ("en", prefix + "en/strategi/vad-ar-gvi/") in alternates


def test_root_404_comes_from_the_latest_edition(mike_site):
    page = (mike_site.served / "404.html").read_text(encoding="utf-8")
    assert f'data-edition="{mike_site.second}"' in page and 'data-site-root="/"' in page
    own = (mike_site.served / mike_site.first / "404.html").read_text(encoding="utf-8")
    assert f'data-edition="{mike_site.first}"' in own


def test_version_selector_only_in_mike_builds(mike_site, site):
    config = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
    deployed = json.loads(config.search((mike_site.served / mike_site.first / "index.html")
                                        .read_text(encoding="utf-8")).group(1))
    plain = json.loads(config.search((site / "index.html").read_text(encoding="utf-8")).group(1))
    assert deployed["version"]["provider"] == "mike"
    assert plain["version"] is None  # a plain build has no versions.json to ask for


def _refused(tmp_path, email: str, day: str) -> str:
    """A deploy of the real content from a throw-away repository, on ``day``: its one line."""
    import subprocess
    import sys
    from support import ENV, GIT_ENV, copy_project, init_repo, publishable
    repo = init_repo(publishable(copy_project(tmp_path / "repo"), email))
    done = subprocess.run([sys.executable, "scripts/deploy_edition.py", "deploy", "2023-01", "--branch", "site-preview"],
                          cwd=repo, capture_output=True, text=True, env={**ENV, **GIT_ENV, "GVI_DEPLOY_DATE": day})
    assert done.returncode != 0, done.stdout + done.stderr
    assert "refs/heads/site-preview" not in git(repo, "for-each-ref"), "nothing may be deployed"
    lines = [line for line in done.stderr.splitlines() if line.startswith("Deploy refused")]
    assert len(lines) == 1, done.stdout + done.stderr
    return lines[0]


def test_a_deploy_is_refused_on_a_legal_check_older_than_90_days(tmp_path):
    line = _refused(tmp_path, "gvi@exempelstad.se", "2030-01-01")
    assert line.startswith("Deploy refused: docs/_data/rules.yml: the legal check is ")
    assert "days old on 2030-01-01 (more than 90 days is too old to deploy). Fix: re-check " in line


def test_a_deploy_is_refused_while_the_contact_address_is_a_placeholder(tmp_path):
    import yaml
    from support import ROOT
    newest = max(str(r["checked"]) for r in yaml.safe_load(
        (ROOT / "docs/_data/rules.yml").read_text(encoding="utf-8"))["rules"].values())
    line = _refused(tmp_path, "gvi-veckan@kommun.example", newest)
    assert line.startswith("Deploy refused: docs/_data/local.yml: contact.email is the placeholder "
                           "'gvi-veckan@kommun.example'. Fix: set the address")
    assert "legal check" not in line
