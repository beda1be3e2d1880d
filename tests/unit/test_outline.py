from gvi.outline import compare, heading_id, outline


def test_heading_ids_fold_swedish_letters_to_ascii():
    assert heading_id("Så fungerar budskapet") == "sa-fungerar-budskapet"
    assert heading_id("Ökat fokus & kännbara konsekvenser") == "okat-fokus-kannbara-konsekvenser"
    assert heading_id("How the message works {#sa-fungerar-budskapet}") == "sa-fungerar-budskapet"
    assert heading_id("The *joint* [message](x.md)") == "the-joint-message"


def test_outline_skips_fenced_code_and_reports_file_lines():
    text = "# Title\n\n```yaml\n# not a heading\n```\n\n## Part {#del}\n~~~\n## no\n~~~\n### Sub\n"
    headings = outline(text, first_line=5)
    assert [(h.level, h.id, h.line) for h in headings] == [(1, "title", 5), (2, "del", 11), (3, "sub", 15)]


def test_matching_outlines_have_no_problem():
    sv = outline("# Vad är GVI?\n## Budskapet\n### Tre delar\n")
    en = outline("# What is GVI?\n## The message {#budskapet}\n### Three parts {#tre-delar}\n")
    assert compare(sv, "a.md", en, "a.en.md") == []


def test_different_id_names_the_translation_line_and_the_fix():
    sv = outline("# T\n\n## Budskapet\n")
    en = outline("# T\n\n## The message\n")
    [problem] = compare(sv, "docs/a.md", en, "docs/a.en.md")
    assert str(problem).startswith("docs/a.en.md:3: heading 'The message' has id 'the-message'")
    assert "{#budskapet}" in problem.fix


def test_different_level_is_reported():
    [problem] = compare(outline("# T\n## A\n"), "a.md", outline("# T\n### A {#a}\n"), "a.en.md")
    assert problem.line == 2 and "is level 3" in problem.message and "level 2" in problem.message


def test_missing_heading_is_reported_in_the_longer_file():
    [problem] = compare(outline("# T\n## A\n## B\n"), "a.md", outline("# T\n## A {#a}\n"), "a.en.md")
    assert (problem.path, problem.line) == ("a.md", 3)
    assert "'B' has no counterpart in a.en.md (3 headings against 2)" in problem.message
