import pytest

from gvi.frontmatter import parse
from gvi.problems import ContentError
from gvi.schema import compare_shared, duplicate_ids, is_module_path, validate

ROLES = {"polisen": {}, "socialtjansten": {}}
AUDIENCES = {"alla": {}}
SOURCES = {"S1": {}, "S32": {}}
GOOD = """---
kind: module
id: vad-ar-gvi
title: Vad är GVI?
duration: 30
audience: [alla]
roles: [polisen]
sources: [S32, S1]
---
# Vad är GVI?
"""


def check(text, path="docs/strategi/m.md", module=True):
    return [str(p) for p in validate(parse(text, path), path, module, roles=ROLES,
                                     audiences=AUDIENCES, sources=SOURCES)]


def test_a_good_module_has_no_problem():
    assert check(GOOD) == []


def test_front_matter_lines_are_file_lines():
    fm = parse(GOOD, "x.md")
    assert fm.line_of("id") == 3 and fm.line_of("sources") == 8 and fm.body_start == 10


def test_unknown_key_names_its_line():
    [problem] = check(GOOD.replace("duration: 30", "duration: 30\nlevel: hard"))
    assert problem.startswith("docs/strategi/m.md:6: unknown front matter key 'level'.")


@pytest.mark.parametrize("key", ["id", "duration", "sources"])
def test_missing_required_key(key):
    text = "\n".join(line for line in GOOD.splitlines() if not line.startswith(key + ":"))
    assert any(f"module has no '{key}'" in p for p in check(text))


def test_unknown_role_lists_the_known_ones():
    [problem] = check(GOOD.replace("roles: [polisen]", "roles: [polisen, brandkaren]"))
    assert problem.startswith("docs/strategi/m.md:7: unknown role 'brandkaren' in 'roles'.")
    assert "polisen, socialtjansten" in problem


def test_unknown_source_and_bad_values():
    problems = check(GOOD.replace("[S32, S1]", "[S32, S999]").replace("id: vad-ar-gvi", "id: Vad är")
                     .replace("duration: 30", "duration: half an hour"))
    assert any(":8: unknown source 'S999'" in p for p in problems)
    assert any(":3: module id 'Vad är' is not a slug" in p for p in problems)
    assert any(":5: duration 'half an hour' is not a whole number" in p for p in problems)


def test_module_section_page_must_declare_kind():
    assert any("lacks 'kind: module'" in p for p in check(GOOD.replace("kind: module\n", "")))
    assert is_module_path("roller/polisen.md", ["roller"]) and not is_module_path("roller/index.md", ["roller"])


def test_ordinary_page_may_not_use_module_keys():
    [problem] = check("---\ntitle: Start\nduration: 5\n---\n# Start\n", "docs/index.md", module=False)
    assert problem.startswith("docs/index.md:3: unknown front matter key 'duration'.")


def test_invalid_yaml_is_a_content_error_with_line():
    with pytest.raises(ContentError) as caught:
        parse("---\ntitle: a\nroles: [polisen\nid: x\n---\n", "docs/a.md")
    assert str(caught.value).startswith("docs/a.md:") and "not valid YAML" in str(caught.value)


def test_translation_must_keep_identifiers():
    en = GOOD.replace("duration: 30", "duration: 45").replace("Vad är GVI?", "What is GVI?")
    [problem] = compare_shared(parse(GOOD, "a.md"), "a.md", parse(en, "a.en.md"), "a.en.md")
    assert str(problem).startswith("a.en.md:5: 'duration' is 45 here but 30 in a.md.")


def test_duplicate_module_ids():
    fm = parse(GOOD, "a.md")
    [problem] = duplicate_ids([("a.md", fm), ("b.md", fm)])
    assert str(problem).startswith("b.md:3: module id 'vad-ar-gvi' is already used by a.md.")
