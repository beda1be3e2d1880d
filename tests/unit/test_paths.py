"""'Min väg / My path' (gvi/paths.py): each role's modules from the roles in front matter."""
from gvi import paths

ROLES = {"polisen": {"sv": "Polisen", "en": "The Police"}, "nnsc": {"sv": "NNSC", "en": "NNSC"},
         "ny": {"sv": "Ny roll", "en": "New role"}}
STRINGS = {key: {"sv": key + " {n} {minutes} {hours} {section}", "en": key + " {n} {minutes} {hours} {section}"}
           for key in ("path_choose", "path_summary", "path_total", "path_more", "path_checklist",
                       "path_booklet", "path_self_reported", "path_number", "progress_module", "schedule_minutes",
                       "progress_result", "progress_not_started", "progress_no_quiz")}


def info(title, minutes, roles, quizzes=("q1",)):
    one = {"title": title, "duration": minutes, "roles": roles, "quizzes": list(quizzes)}
    return {"sv": one, "en": dict(one, title=title + " (en)")}


MODULES = [("strategi/a.md", "strategi", info("A", 30, ["polisen", "nnsc"])),
           ("roller/b.md", "roller", info("B", 20, ["nnsc"], ())),
           ("roller/c.md", "roller", info("C | D", 15, ["polisen"]))]


def test_a_path_is_the_roles_modules_in_nav_order_with_the_total():
    plan = paths.plan(ROLES, MODULES, {"polisen": "checklistor/polisen.md"})
    assert [p["role"] for p in plan] == ["polisen", "nnsc", "ny"]
    polisen, nnsc, new = plan
    assert [m[0] for m in polisen["modules"]] == ["strategi/a.md", "roller/c.md"] and polisen["minutes"] == 45
    assert polisen["sections"] == ["strategi", "roller"] and polisen["checklist"] == "checklistor/polisen.md"
    assert [m[0] for m in nnsc["modules"]] == ["strategi/a.md", "roller/b.md"] and nnsc["checklist"] is None
    assert new["modules"] == [] and new["minutes"] == 0  # a new role in curriculum.yml gets its section


def test_the_page_links_relative_to_itself_and_marks_progress_cells():
    plan = paths.plan(ROLES, MODULES, {"polisen": "checklistor/polisen.md"})
    text = paths.render(plan, ROLES, {"strategi": "Strategin"}, "min-vag.md", "en", STRINGS,
                        "../utskrift/{section}-deltagare.html")
    assert "- [The Police](#polisen)" in text and "## The Police {#polisen}" in text
    assert "| 1 | [A (en)](strategi/a.md) | 30 |" in text and '<span data-gvi-progress="q1">' in text
    assert "[C \\| D (en)](roller/c.md)" in text
    assert "| 2 | [B (en)](roller/b.md) | 20 | progress_no_quiz" in text
    assert "| | **path_total" in text and "| **45** |" in text
    assert "[path_checklist" in text and "(checklistor/polisen.md)" in text
    assert '<a href="../utskrift/strategi-deltagare.html">path_booklet' in text and "Strategin" in text
    assert text.count('data-gvi-path="') == 2 and "New role" not in text and "gvi-path__print-note" in text
