"""Extraction: every format into title/lead/paragraph segments with source lines."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from transcheck.config import Settings
from transcheck.extract import ExtractError, read_version
from transcheck.model import Version

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_70d369480b2c5394.txt"


def read(path: Path, lang: str = "en", settings: Settings | None = None) -> Version:
    return read_version(path, lang, path.name, settings or Settings())


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def kinds(version: Version) -> list[str]:
    return [s.kind for s in version.segments]


def texts(version: Version) -> list[str]:
    return [s.text for s in version.segments]


# --- plain-text page dumps ------------------------------------------------------------------


def test_seed_text_dump() -> None:
    version = read(SEED)
    assert version.encoding == "utf-8"
    assert kinds(version) == ["title", "lead"] + ["paragraph"] * 7
    assert [s.index for s in version.segments] == list(range(9))
    assert version.segments[0].text == "Kaja Kallas: Moscow Will Get A Clear Message"
    assert version.segments[0].line == 3
    assert version.segments[1].text == "Russia's summer offensive in Ukraine ended in failure."
    assert version.segments[1].line == 7
    assert version.segments[2].text.startswith("Increase pressure on Russia")
    assert version.segments[2].line == 9
    assert version.segments[-1].text.startswith("On the issue of using Russian assets")
    assert version.segments[-1].text.endswith(
        '"will give Moscow a clear signal that playing for time will not bring it success."'
    )
    assert version.segments[-1].line == 21
    joined = " ".join(texts(version))
    assert "BE RU EN" not in joined and "26.11.2025" not in joined and "Latest news" not in joined


def test_text_dump_drops_latest_news_list_and_keeps_bullet_lead(tmp_path: Path) -> None:
    dump = (
        "BE | RU | EN\n\nЗагаловак артыкула\n\n• Кароткі лід артыкула.\n\n  • 26.11.2025\n\n"
        + "Першы абзац тэксту, які вельмі доўгі і мае шмат слоў, каб выглядаць як сапраўдны тэкст "
        "артыкула пра падзеі, людзей і ўсё астатняе ў гэтым свеце сёння.\n\n"
        "Апошнія навіны\n\nІншы загаловак\n\n27.11.2025, 10:00\n\nЯшчэ адзін загаловак\n"
    )
    version = read(write(tmp_path, "a.be.txt", dump), "be")
    assert kinds(version) == ["title", "lead", "paragraph"]
    assert texts(version)[:2] == ["Загаловак артыкула", "Кароткі лід артыкула."]
    assert version.segments[2].line == 9


def test_text_dump_inline_read_also_does_not_cut_the_body(tmp_path: Path) -> None:
    body = "Гэта доўгі абзац артыкула, у якім ёсць дастаткова слоў, каб ён лічыўся сапраўдным тэкстам, а не загалоўкам навіны ў спісе. Гэта другі сказ."
    dump = f"Title\n\n{body}\n\nRead also: something else\n\n{body} Другі.\n"
    version = read(write(tmp_path, "a.txt", dump))
    assert kinds(version) == ["title", "paragraph", "paragraph"]


def test_text_dump_without_blank_lines_is_one_paragraph_per_line(tmp_path: Path) -> None:
    version = read(
        write(tmp_path, "a.txt", "Title\nFirst paragraph here. It has two sentences.\nSecond.\n")
    )
    assert texts(version) == ["Title", "First paragraph here. It has two sentences.", "Second."]
    assert kinds(version) == ["title", "paragraph", "paragraph"]
    assert [s.line for s in version.segments] == [1, 2, 3]


# --- Markdown -------------------------------------------------------------------------------

MARKDOWN_BODY = """
# Кая Калас: Масква атрымае ясны сігнал

Узмацніць ціск на Расію, каб павысіць шанцы [ініцыятывы ЗША](https://example.com/x "t")
на спыненне   вайны, заклікала _Кая Калас_.

<!-- a comment
spanning lines -->

{{< figure src="x.jpg" caption="Photo" >}}

![photo](img.png)

## Падзагаловак

- першы пункт
- другі **пункт**
  працяг

```python
print("code is dropped")
```

> Цытата ў `блоку`.

Апошні абзац\\* з *курсівам* і 5 * 3 = 15.
"""


def test_markdown_yaml_front_matter(tmp_path: Path) -> None:
    text = (
        '---\ntitle: "Кая Калас: Масква атрымае ясны сігнал"\n'
        "description: Летняе наступленне Расіі ва Украіне правалілася.\ndate: 2025-11-26\n---\n"
        + MARKDOWN_BODY
    )
    version = read(write(tmp_path, "kallas.be.md", text), "be")
    assert texts(version) == [
        "Кая Калас: Масква атрымае ясны сігнал",
        "Летняе наступленне Расіі ва Украіне правалілася.",
        "Узмацніць ціск на Расію, каб павысіць шанцы ініцыятывы ЗША на спыненне вайны, заклікала Кая Калас.",
        "Падзагаловак",
        "першы пункт",
        "другі пункт працяг",
        "Цытата ў блоку.",
        "Апошні абзац* з курсівам і 5 * 3 = 15.",
    ]
    assert kinds(version) == ["title", "lead"] + ["paragraph"] * 6
    # front-matter keys and body blocks keep their source lines (the body H1 repeating the
    # title is dropped)
    assert [s.line for s in version.segments] == [2, 3, 9, 19, 21, 22, 29, 31]


def test_markdown_toml_front_matter_summary_is_lead(tmp_path: Path) -> None:
    text = '+++\ntitle = "Kallas: a clear message"\nsummary = "The offensive *failed*."\n+++\n\nBody text.\n'
    version = read(write(tmp_path, "kallas.en.md", text))
    assert texts(version) == ["Kallas: a clear message", "The offensive failed.", "Body text."]
    assert kinds(version) == ["title", "lead", "paragraph"]
    assert version.segments[2].line == 6


def test_markdown_without_front_matter_h1_is_title(tmp_path: Path) -> None:
    version = read(write(tmp_path, "a.md", "Intro line\n\n# Later heading\n"))
    assert kinds(version) == ["paragraph", "paragraph"]  # an H1 after text is not the title
    version = read(write(tmp_path, "b.md", "# The title\n\nFirst.\n\nSecond\n===\n\nThird.\n"))
    assert kinds(version) == ["title", "paragraph", "paragraph", "paragraph"]
    assert texts(version) == ["The title", "First.", "Second", "Third."]


def test_markdown_bad_yaml_front_matter_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", "---\ntitle: ok\ndescription: [unclosed\n---\n\nBody.\n")
    with pytest.raises(ExtractError, match=r"bad YAML front matter"):
        read(path)
    with pytest.raises(ExtractError, match=r"unclosed YAML front matter"):
        read(write(tmp_path, "b.md", "---\ntitle: x\n\nBody.\n"))
    with pytest.raises(ExtractError, match=r"bad TOML front matter"):
        read(write(tmp_path, "c.md", "+++\ntitle = \n+++\nBody.\n"))
    with pytest.raises(ExtractError, match=r"expected key-value pairs"):
        read(write(tmp_path, "d.md", "---\n- a\n- b\n---\nBody.\n"))


# --- HTML -----------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Kaja Kallas: Moscow Will Get A Clear Message | Example News</title>
<meta name="description" content="Russia's summer offensive in Ukraine ended in failure.">
</head>
<body>
<header>
  <nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li></ul></nav>
  <div class="lang-switcher"><a href="/be/">BE</a> <a href="/ru/">RU</a> <a href="/en/">EN</a></div>
</header>
<main>
<article>
  <h1>Kaja Kallas: Moscow Will Get A Clear Message</h1>
  <div class="date">26.11.2025, 23:55</div>
  <p class="lead">Russia's summer offensive in Ukraine ended in failure.</p>
  <p>Increase pressure on Russia to improve the chances of the current U.S. initiative to end the war in Ukraine,
  EU High Representative Kaja Kallas urged, writes German Wave.</p>
  <p>"To ensure the best outcome for Ukraine and Europe requires accelerating work in this direction,"
  Kallas said at the end of a video conference with EU foreign ministers on Thursday, November 27.</p>
  <p>The European diplomatic chief said there were no signs yet that Russia was ready for a ceasefire.</p>
</article>
<aside class="latest-news">
  <h2>Latest news</h2>
  <ul>
    <li><a href="/n1">Lukashenka pardons 31 prisoners ahead of the holidays</a></li>
    <li><a href="/n2">Belarusian railway raises ticket prices from January</a></li>
  </ul>
</aside>
</main>
<footer><p>&copy; 2025 Example News. All rights reserved.</p></footer>
</body>
</html>
"""


def test_html_page_drops_chrome(tmp_path: Path) -> None:
    version = read(write(tmp_path, "kallas.en.html", PAGE))
    assert texts(version) == [
        "Kaja Kallas: Moscow Will Get A Clear Message",
        "Russia's summer offensive in Ukraine ended in failure.",
        (
            "Increase pressure on Russia to improve the chances of the current U.S. initiative to "
            "end the war in Ukraine, EU High Representative Kaja Kallas urged, writes German Wave."
        ),
        (
            '"To ensure the best outcome for Ukraine and Europe requires accelerating work in this '
            'direction," Kallas said at the end of a video conference with EU foreign ministers on '
            "Thursday, November 27."
        ),
        "The European diplomatic chief said there were no signs yet that Russia was ready for a ceasefire.",
    ]
    assert kinds(version) == ["title", "lead", "paragraph", "paragraph", "paragraph"]
    assert [s.line for s in version.segments] == [15, 17, 18, 20, 22]
    joined = " ".join(texts(version))
    for chrome in ("Home", "BE RU EN", "Latest news", "Lukashenka", "rights reserved", "23:55"):
        assert chrome not in joined


def test_html_page_description_not_in_article_is_not_a_lead(tmp_path: Path) -> None:
    page = PAGE.replace('class="lead"', "").replace(
        "Russia's summer offensive in Ukraine ended in failure.\">", 'A generic site blurb.">'
    )
    version = read(write(tmp_path, "a.html", page))
    assert kinds(version)[:2] == ["title", "paragraph"]
    assert "A generic site blurb." not in texts(version)


def test_html_fragment(tmp_path: Path) -> None:
    fragment = "<h1>Title here</h1>\n<p class='lead'>Lead &amp; more.</p>\n<p>One <b>bold</b>\nword.</p>\n<ul><li>Item</li></ul>\n"
    version = read(write(tmp_path, "a.htm", fragment))
    assert texts(version) == ["Title here", "Lead & more.", "One bold word.", "Item"]
    assert kinds(version) == ["title", "lead", "paragraph", "paragraph"]
    assert [s.line for s in version.segments] == [1, 2, 3, 5]


def test_broken_html_does_not_crash(tmp_path: Path) -> None:
    broken = "<html><body><div><p>Unclosed paragraph with real words <b>bold <p>Second <<< >>> &&& \x00 </scr"
    version = read(write(tmp_path, "a.html", broken))
    assert any("Unclosed paragraph" in t for t in texts(version))
    with pytest.raises(ExtractError, match="no text found"):
        read(
            write(
                tmp_path,
                "b.html",
                "<html><head><script>var x = 1;</script></head><body><div></div></body>",
            )
        )
    with pytest.raises(ExtractError, match="no text found"):
        read(write(tmp_path, "c.html", "<!-- only a comment --><br/>"))
    for garbage in ("<<<>>><!--", "</p></div><p <p =>", "<html><body>" + "<div>" * 500 + "x"):
        try:  # what is there, or a clear error: never a crash
            read(write(tmp_path, "d.html", garbage))
        except ExtractError as exc:
            assert str(exc)


# --- encodings and errors -------------------------------------------------------------------


def test_cp1251(tmp_path: Path) -> None:
    text = "Загаловак\n\nЛетнее наступление России на Украине провалилось, заявила Каллас.\n\nЕщё абзац.\n"
    version = read(write(tmp_path, "a.ru.txt", text, "cp1251"), "ru")
    assert version.encoding == "cp1251"
    assert texts(version)[0] == "Загаловак"
    assert "провалилось" in texts(version)[1]


def test_koi8_is_not_misread_as_cp1251(tmp_path: Path) -> None:
    # KOI8-R bytes decode "successfully" as cp1251 into upper-case gibberish; must not be accepted.
    text = "Летнее наступление России на Украине провалилось, заявила Каллас. " * 5
    version_or_error: Version | ExtractError
    try:
        version_or_error = read(write(tmp_path, "a.txt", "Title\n\n" + text, "koi8_r"))
    except ExtractError as exc:
        version_or_error = exc
    if isinstance(version_or_error, Version):
        assert version_or_error.encoding != "cp1251"
        assert "провалилось" in version_or_error.segments[1].text


def test_utf8_bom_and_utf16(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(codecs.BOM_UTF8 + "---\ntitle: Тытул\n---\n\nАбзац.\n".encode())
    version = read(path)
    assert version.encoding == "utf-8-sig"
    assert texts(version) == ["Тытул", "Абзац."]  # the BOM does not hide the front matter
    path16 = tmp_path / "b.txt"
    path16.write_bytes("Тытул\n\nАбзац.\n".encode("utf-16"))
    version16 = read(path16)
    assert version16.encoding == "utf-16"
    assert texts(version16) == ["Тытул", "Абзац."]


def test_undecodable_and_empty_are_clear_errors(tmp_path: Path) -> None:
    garbage = tmp_path / "a.txt"
    garbage.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ExtractError, match="cannot decode"):
        read(garbage)
    with pytest.raises(ExtractError, match="no text found"):
        read(write(tmp_path, "b.md", ""))
    with pytest.raises(ExtractError, match="no text found"):
        read(write(tmp_path, "c.md", "---\ndate: 2025-01-01\n---\n\n<!-- nothing -->\n"))
    with pytest.raises(ExtractError, match="unsupported file type"):
        read(write(tmp_path, "d.docx", "text"))


def test_whitespace_and_nfc_normalised(tmp_path: Path) -> None:
    version = read(write(tmp_path, "a.txt", "Cafe\u0301  \t title\n\nOne   two,\tthree!  \n"))
    assert texts(version) == ["Café title", "One two, three!"]


def test_bare_body_dump_has_no_title(tmp_path: Path) -> None:
    # FLORES-style dump: the first line is a sentence of the text, not a headline.
    text = (
        "Soon after the outbreak of hostilities, Britain initiated a naval blockade of Germany.\n\n"
        "The strategy proved effective, cutting off vital military and civilian supplies.\n"
    )
    version = read(write(tmp_path, "a.en.txt", text))
    assert kinds(version) == ["paragraph", "paragraph"]
    version = read(write(tmp_path, "b.en.txt", "A Headline Without A Full Stop\n\n" + text))
    assert kinds(version) == ["title", "lead", "paragraph"]


def test_saved_page_keeps_only_the_article() -> None:
    """The sample be page: site chrome (logo link, switcher, latest news, footer) never
    becomes a segment. Without lxml_html_clean, trafilatura kept the logo "Навіны"."""
    from transcheck.config import Settings
    from transcheck.extract import read_version

    page = Path(__file__).resolve().parents[1] / "corpora/news/2025/kallas.be.html"
    version = read_version(page, "be", "news/2025/kallas.be.html", Settings())
    texts = [s.text for s in version.segments]
    assert version.segments[0].kind == "title"
    assert texts[0] == "Кая Калас: Масква атрымае ясны сігнал"
    assert version.segments[1].kind == "lead"
    assert not any("Навіны" in t or "Апошнія навіны" in t or "©" in t for t in texts)
    assert len(texts) == 9
