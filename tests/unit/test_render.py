from gvi.render import expand_local, insert_after_title, module_facts, sources_section

LOCAL = {"week": {"dates": {"sv": "23–26 januari 2023", "en": "23–26 January 2023"}, "city": "Stockholm"}}


def test_local_facts_follow_the_page_language():
    text, problems = expand_local("Veckan {{ local.week.dates }} i {{local.week.city}}.", LOCAL, "sv", "a.md")
    assert text == "Veckan 23–26 januari 2023 i Stockholm." and problems == []
    text, _ = expand_local("{{ local.week.dates }}", LOCAL, "en", "a.en.md")
    assert text == "23–26 January 2023"


def test_unknown_local_fact_is_a_problem_with_its_line_never_a_blank():
    text, [problem] = expand_local("A\n\nB {{ local.week.place }}", LOCAL, "sv", "docs/a.md", first_line=6)
    assert "{{ local.week.place }}" in text
    assert str(problem).startswith("docs/a.md:8: unknown local fact 'week.place'")


def test_sources_section_keeps_the_shared_id():
    sources = {"S1": {"title": "GVI", "publisher": "NNSC", "url": "https://example.org/gvi"}}
    out = sources_section(["S1"], sources, "Sources")
    assert "## Sources {#kallor .gvi-sources}" in out and "1. *GVI* — NNSC. <https://example.org/gvi>" in out


def test_module_facts_are_in_the_page_language():
    strings = {k: {"sv": v, "en": v.upper()} for k, v in
               {"duration": "Tid", "minutes": "{n} minuter", "audience": "För vem", "roles": "Roller"}.items()}
    html = module_facts({"duration": 30, "audience": ["alla"], "roles": ["polisen"]}, "sv",
                        {"polisen": {"sv": "Polisen"}}, {"alla": {"sv": "Alla"}}, strings)
    assert "<dt>Tid</dt><dd>30 minuter</dd>" in html and "<dd>Polisen</dd>" in html


def test_insert_after_title():
    assert insert_after_title("# T\n\nText", "X") == "# T\n\nX\n\n\nText"


def test_sources_are_merged_from_the_folder_and_keys_are_unique(tmp_path):
    import pytest

    from gvi.data import load
    from gvi.problems import ContentError
    from support import ROOT

    data = tmp_path / "_data"
    (data / "sources").mkdir(parents=True)
    for name in ("curriculum.yml", "local.yml", "strings.yml", "abbreviations.yml"):
        (data / name).write_text((ROOT / "docs/_data" / name).read_text(encoding="utf-8"), encoding="utf-8")
    (data / "sources.yml").write_text("S1: {title: A}\n", encoding="utf-8")
    (data / "sources/roller.yml").write_text("R1: {title: B}\n", encoding="utf-8")
    assert set(load(str(tmp_path)).sources) == {"S1", "R1"}
    (data / "sources/call-in.yml").write_text("S1: {title: C}\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load(str(tmp_path))
    assert str(caught.value).startswith("docs/_data/sources/call-in.yml:1: source key 'S1' is already defined in sources.yml.")


def test_task_list_checkboxes_are_named_by_their_item():
    from gvi.render import label_task_lists

    html = ('<ul class="task-list"><li class="task-list-item"><label class="task-list-control">'
            '<input type="checkbox"/><span class="task-list-indicator"></span></label> <strong>Beslut:</strong> fattat'
            '<ul><li class="task-list-item"><label class="task-list-control"><input type="checkbox" checked/>'
            '<span class="task-list-indicator"></span></label> Under</li></ul></li></ul>')
    out = label_task_lists(html)
    assert '<input type="checkbox" aria-labelledby="gvi-task-1">' in out
    assert '<span id="gvi-task-1"> <strong>Beslut:</strong> fattat</span><ul>' in out
    assert '<input type="checkbox" aria-labelledby="gvi-task-2" checked>' in out
    assert '<span id="gvi-task-2"> Under</span></li>' in out
