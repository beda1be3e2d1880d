"""scripts/check_content.py: the build's content checks with no generator, on the real project and
on bad inputs. It must find what the MkDocs build finds, with the same file:line messages."""
from __future__ import annotations

import subprocess
import sys

from support import ROOT
from test_guards import EN, SV, make_project


def check(project):
    done = subprocess.run([sys.executable, str(project / "scripts" / "check_content.py"),
                           "--config", str(project / "mkdocs.yml")], capture_output=True, text=True)
    return done.returncode, done.stdout + done.stderr


def test_the_real_project_passes():
    code, output = check(ROOT)
    assert code == 0, output
    assert output.strip().endswith("languages checked: no problems.")


def test_bad_inputs_are_found_with_file_and_line(tmp_path):
    project = make_project(tmp_path, en=EN.replace("{{ local.week.dates }}", "{{ local.week.place }}"))
    (project / "docs" / "veckan" / "index.en.md").unlink()
    code, output = check(project)
    assert code == 1
    assert "docs/strategi/testmodul.en.md:19: unknown local fact 'week.place'" in output
    assert "docs/veckan/index.md:1: this page has no 'en' version" in output
    assert output.strip().endswith("2 problem(s).")


def test_a_broken_quiz_and_a_changed_answer_are_found(tmp_path):
    quiz = "\n```quiz\nid: testmodul-q\nquestion: Q?\noptions:\n  - text: A\n    correct: true\n  - text: B\n```\n"
    project = make_project(tmp_path, sv=SV.replace("## Att ta med sig", quiz + "\n## Att ta med sig"),
                           en=EN.replace("## Key points", quiz.replace("correct: true\n  - text: B",
                                                                       "\n  - text: B\n    correct: true")
                                         + "\n## Key points"))
    code, output = check(project)
    assert code == 1
    assert "quiz 'testmodul-q': option(s) 2 are correct here but 1 in docs/strategi/testmodul.md" in output


def test_checking_again_in_one_process_finds_what_a_first_check_finds(tmp_path):
    """check_project remembers each page's answers for the process (gvi/checks.py _MEMO): a page
    changed since, or a data file changed since, is checked again; an unchanged one says the same."""
    sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
    from gvi import checks

    project = make_project(tmp_path)
    config, page = project / "mkdocs.yml", project / "docs" / "strategi" / "budskapet.md"
    terms = project / "docs" / "_data" / "terms.yml"
    clean = checks.check_project(config)
    assert clean[0] == [] and clean[1] > 80
    assert checks.check_project(config) == clean
    page.write_text(page.read_text(encoding="utf-8").replace("\n## ", "\nDet är inga tomma hot.\n\n## ", 1),
                    encoding="utf-8")
    found = [str(p) for p in checks.check_project(config)[0]]
    assert len(found) == 1 and "docs/strategi/budskapet.md:" in found[0] and "'tomma hot'" in found[0]
    assert [str(p) for p in checks.check_project(config)[0]] == found  # the same, remembered
    # The term base no longer avoids the words: a new generation of the data, checked again.
    terms.write_text(terms.read_text(encoding="utf-8").replace("avoid: {sv: [tomma hot], en: [empty threats]}",
                                                               "avoid: {sv: [], en: []}"), encoding="utf-8")
    assert checks.check_project(config)[0] == []
