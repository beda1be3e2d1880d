"""Role checklists: phases, item counts, the parity that keeps ticks across languages, the schema."""
from gvi.checklist import compare, parse
from gvi.frontmatter import parse as parse_fm
from gvi.schema import is_checklist_path, validate

SV = "# Checklista\n\nIntro.\n\n## Före ett call-in\n\n- [ ] Ett.\n- [ ] Två.\n\n## Dagen för ett call-in\n\n- [ ] Tre.\n"
EN = ("# Checklist\n\nIntro.\n\n## Before a call-in {#fore-ett-call-in}\n\n- [ ] One.\n- [ ] Two.\n\n"
      "## The day of the call-in {#dagen-for-ett-call-in}\n\n- [ ] Three.\n")


def test_phases_and_items():
    checklist, problems = parse(SV, "docs/checklistor/polisen.md", first_line=8)
    assert problems == []
    assert [(p.id, p.items, p.line) for p in checklist.phases] == [
        ("fore-ett-call-in", 2, 12), ("dagen-for-ett-call-in", 1, 17)]


def test_a_phase_without_items_is_a_problem():
    _, [problem] = parse("# C\n\n## Före ett call-in\n\nBara text.\n", "docs/checklistor/x.md")
    assert str(problem).startswith("docs/checklistor/x.md:3: phase 'Före ett call-in' has no checklist items.")


def test_translations_keep_the_item_count_of_each_phase():
    sv, _ = parse(SV, "docs/checklistor/polisen.md")
    assert compare(sv, parse(EN, "docs/checklistor/polisen.en.md")[0]) == []
    fewer, _ = parse(EN.replace("- [ ] Two.\n", ""), "docs/checklistor/polisen.en.md")
    [problem] = compare(sv, fewer)
    assert str(problem).startswith("docs/checklistor/polisen.en.md:5: phase 'fore-ett-call-in' has 1 "
                                   "items here but 2 in docs/checklistor/polisen.md:5.")


def check(front):
    fm = parse_fm(f"---\n{front}---\n# C\n", "docs/checklistor/polisen.md")
    return [str(p) for p in validate(fm, "docs/checklistor/polisen.md", False, roles={"polisen": {}},
                                     audiences={}, sources={"S1": {}}, is_checklist=True)]


def test_checklist_front_matter():
    assert check("kind: checklist\nrole: polisen\ntitle: C\ntags: [Polisen]\nsources: [S1]\n") == []
    assert any("unknown role 'brandkaren'" in p for p in check("kind: checklist\nrole: brandkaren\nsources: [S1]\n"))
    assert any("checklist has no 'role'" in p for p in check("kind: checklist\nsources: [S1]\n"))
    assert any("lacks 'kind: checklist'" in p for p in check("role: polisen\nsources: [S1]\n"))
    assert any(":4: unknown front matter key 'duration'" in p
               for p in check("kind: checklist\nrole: polisen\nduration: 5\nsources: [S1]\n"))
    assert is_checklist_path("checklistor/polisen.md") and not is_checklist_path("checklistor/index.md")


def test_boxes_before_the_first_phase_fold_and_boxes_in_a_phase_do_not():
    from gvi.checklist import fold_intro_boxes
    text = ('# Checklista\n\n!!! warning "Om personen är under 18 år"\n\n    - Vårdnadshavarna …\n\n'
            "```\n!!! note in a fence\n```\n\n## Före\n\n!!! tip \"Tips\"\n\n    text\n\n- [ ] Gör något.\n")
    out = fold_intro_boxes(text)
    assert '??? warning gvi-fold "Om personen är under 18 år"' in out
    assert "!!! note in a fence" in out and '!!! tip "Tips"' in out
    assert out.replace('??? warning gvi-fold "', '!!! warning "') == text  # only the markup changed
