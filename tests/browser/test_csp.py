"""The Content-Security-Policy in Chromium (gvi/csp.py): the site's own scripts run (the quiz, the
search loader, Material's theme scripts), and a script smuggled into a built page does not:
not inline, not as an event attribute, not as a javascript: link, not from another host; and no
request leaves 127.0.0.1. Also a page built from content whose script only the rendered-page
check could see (a snippet): the build refuses it."""
from __future__ import annotations

import re

import pytest

from conftest import Reader
from support import build, copy_project

pytestmark = pytest.mark.browser

PAGE = "strategi/vad-ar-gvi/"
SMUGGLED = (
    '<script>document.documentElement.dataset.sweep="inline-ran"</script>'
    '<img src="x-missing.png" onerror="document.documentElement.dataset.sweep2=\'onerror-ran\'">'
    '<a id="sweep-link" href="javascript:document.documentElement.dataset.sweep3=\'link-ran\'">x</a>'
    '<script src="https://evil.example/x.js"></script>'
    '<img src="https://images.example.com/tracker.gif" alt="">'
    '<iframe src="https://www.youtube.com/embed/abc"></iframe>'
)


def test_the_policy_is_the_first_thing_in_the_head_with_a_hash_per_inline_script(site):
    html = (site / PAGE / "index.html").read_text(encoding="utf-8")
    head = html[:html.index("</head>")]
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', head)
    assert policy and head.index(policy.group(0)) < head.index("<script"), "the policy must come before any script"
    assert "'unsafe-inline'" not in policy.group(1).split("script-src")[1].split(";")[0]
    assert "default-src 'self'" in policy.group(1) and "object-src 'none'" in policy.group(1)
    assert policy.group(1).count("'sha256-") >= 4  # Material's scope, palette, tabs; the search loader


def test_a_script_smuggled_into_a_built_page_does_not_run_and_nothing_leaves(browser, site_server):
    context = browser.new_context()
    reader = Reader(context, site_server.url)
    violations: list[str] = []
    reader.page.on("console", lambda msg: violations.append(msg.text)
                   if "Content Security Policy" in msg.text else None)
    blocked: list[str] = []  # Chromium reports a request the policy stopped as failed with "csp"
    context.on("requestfailed", lambda request: blocked.append(request.url)
               if request.failure == "csp" else None)
    sent: list[str] = []  # what reached the network layer for another host

    def smuggle(route):
        response = route.fetch()
        body = response.text().replace("</article>", SMUGGLED + "</article>", 1)
        assert SMUGGLED in body
        route.fulfill(response=response, body=body)

    reader.page.route(site_server.url + PAGE, smuggle)
    # Anything that tries to leave is answered here, never sent: the test then sees it was asked for.
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1)"),
                  lambda route: (sent.append(route.request.url), route.abort()))
    reader.goto(site_server.url + PAGE)
    page = reader.page
    page.click("#sweep-link")
    page.evaluate("""() => {  // injected later, through the DOM, as a cross-site script would
        const s = document.createElement("script");
        s.textContent = 'document.documentElement.dataset.sweep4 = "dom-ran"';
        document.body.appendChild(s);
        document.body.insertAdjacentHTML("beforeend", '<img src="x2.png" onerror="document.documentElement.dataset.sweep5=1">');
    }""")
    page.wait_for_timeout(500)
    ran = page.evaluate("Object.assign({}, document.documentElement.dataset)")
    assert not any(key.startswith("sweep") for key in ran), ran
    assert len(violations) >= 5, violations  # inline, onerror, javascript:, the DOM script, its onerror
    # The site's own scripts still ran: Material's (the palette), the quiz script, the search loader.
    assert page.evaluate("typeof window.gviSearch === 'object' && typeof __md_get === 'function'")
    assert page.locator(".gvi-quiz__actions").first.is_visible()
    assert sent == [], sent
    assert sorted(blocked) == ["https://evil.example/x.js", "https://images.example.com/tracker.gif"], blocked
    assert not [f.url for f in page.frames if "youtube" in f.url]  # the frame is refused before it asks
    context.close()


def test_a_script_in_a_snippet_is_refused_by_the_build(tmp_path):
    """Snippets are read by the Markdown renderer, not the content checks: the rendered page is
    looked at last, and a script there stops the build with the page and the line."""
    root = copy_project(tmp_path / "p")
    (root / "docs/_data/snippets").mkdir(parents=True, exist_ok=True)
    (root / "docs/_data/snippets/lokalt.md").write_text(
        'Här sker call-in.<script>document.title="x"</script>\n', encoding="utf-8")
    for rel in ("docs/om/webbplatsen.md", "docs/om/webbplatsen.en.md"):
        path = root / rel
        path.write_text(path.read_text(encoding="utf-8") + '\n--8<-- "lokalt.md"\n', encoding="utf-8")
    result = build(root, tmp_path / "site")
    assert result.returncode == 1, result.output
    lines = [line for line in result.output.splitlines() if "rendered page holds a <script>" in line]
    assert lines and re.search(r"docs/om/webbplatsen(\.en)?\.md:\d+: ", lines[0]), result.output
    assert "Traceback" not in result.output
