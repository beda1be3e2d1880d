from gvi.boundary import check, check_page, is_local, own_names

NAMES = ["Järfälla", "Upplands-Bro", "Kungsängen", "Bro"]
LOCAL = {"site": {"own_names": NAMES, "own_pages": ["index.md", "veckan/index.md"]}}


def test_names_are_longest_first_so_a_short_name_never_hides_a_long_one():
    assert own_names(LOCAL) == ["Upplands-Bro", "Kungsängen", "Järfälla", "Bro"]
    assert own_names({}) == [] and own_names({"site": {}}) == []
    assert own_names({"site": {"own_names": "Järfälla"}}) == []  # not a list: check_config says so


def test_a_name_outside_a_marked_example_is_a_problem_with_file_and_line():
    text = "---\ntitle: T\n---\n\n# T\n\nHär är Järfälla vårt eget exempel.\n"
    [problem] = check(text, "docs/roller/polisen.md", NAMES)
    assert str(problem).startswith("docs/roller/polisen.md:7: shared page names 'Järfälla'")
    assert "gvi-example" in problem.fix and "{{ local." in problem.fix


def test_a_marked_example_placeholder_or_other_place_is_fine():
    text = ('I Malmö och Örebro. <span class="gvi-example">I Järfälla och Upplands-Bro talade '
            'kommundirektörerna.</span>\n| <span class="gvi-example">Kungsängen</span> | x |\n'
            "Här heter arbetet {{ local.site.name }}. Brottet. Stockholm.\n")
    assert check(text, "a.md", NAMES) == []


def test_every_line_counts_and_a_genitive_too():
    text = "Upplands-Bros utskott.\n\nBesök i Kungsängen och Bro.\n"
    problems = check(text, "a.md", NAMES, first_line=10)
    assert [p.line for p in problems] == [10, 12]
    assert "'Upplands-Bros'" in problems[0].message


def test_a_name_after_the_example_on_the_same_line_is_still_caught():
    text = '<span class="gvi-example">I Järfälla.</span> Här i Järfälla gör vi så.\n'
    [problem] = check(text, "a.md", NAMES)
    assert problem.line == 1


def test_an_example_left_open_is_a_problem():
    [problem] = check('<span class="gvi-example">I Järfälla\nfortsätter det.</span>\n', "a.md", NAMES)
    assert problem.line == 1 and "not closed" in problem.message


def test_front_matter_is_checked_too():
    [problem] = check("---\ndescription: Om GVI i Järfälla.\n---\n", "a.md", NAMES)
    assert problem.line == 2


def test_the_sites_own_pages_may_name_it():
    assert is_local("veckan/index.md", LOCAL) and not is_local("roller/polisen.md", LOCAL)
    assert check_page("GVI i Järfälla.\n", "veckan/index.md", "docs/veckan/index.md", LOCAL) == []
    assert len(check_page("GVI i Järfälla.\n", "roller/polisen.md", "docs/roller/polisen.md", LOCAL)) == 1


def test_no_names_no_check():
    assert check("Järfälla", "a.md", []) == []


def test_local_yml_boundary_keys_are_checked_with_their_line():
    from gvi.boundary import check_config
    text = "site:\n  id: x\n  own_pages: [index.md, kontakt.md]\n  own_names: Järfälla\n"
    local = {"site": {"own_pages": ["index.md", "kontakt.md"], "own_names": "Järfälla"}}
    problems = [str(p) for p in check_config(local, {"index.md"}, text)]
    assert problems == [
        "docs/_data/local.yml:4: site.own_names must be a list of place and organisation names. "
        "Fix: write it as own_names: [first, second].",
        "docs/_data/local.yml:3: site.own_pages lists 'kontakt.md', but docs/ has no such page. "
        "Fix: give its path under docs/ (e.g. veckan/index.md), or remove it."]
    assert check_config({"site": {"own_pages": ["index.md"]}}, {"index.md"}, text) == []


def test_examples_are_listed_with_their_line_and_words():
    from gvi.boundary import examples
    text = 'A.\n<span class="gvi-example">I Järfälla.</span> B <span class="gvi-example">som i Bro</span>\n'
    assert examples(text) == [(2, "I Järfälla."), (2, "som i Bro")]


def test_a_long_name_is_found_inside_a_compound_a_short_one_is_not():
    """Issue 24, case 35: 'Järfällamodellen', 'Kungsängenpolisen', 'the Järfälla-model'."""
    text = ("Järfällamodellen bygger på samma budskap.\nKungsängenpolisen har använt det.\n"
            "The Järfälla-model works.\nBrottet och Brogatan.\nUpplands-Bro.\n")
    problems = check(text, "a.md", NAMES)
    assert [p.line for p in problems] == [1, 2, 3, 5], problems
    assert "'Järfällamodellen'" in problems[0].message and "'Järfälla-model'" in problems[2].message
