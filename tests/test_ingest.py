"""Reading files: encodings from the bytes, limits, refusals with the file named."""

import pytest

from factcheck.errors import InputError
from factcheck.ingest import decode, read_source, read_text
from tests.conftest import write

TEXT = "Café owners said “no” – again.\nSecond line."


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_are_detected_from_the_bytes(data, encoding):
    text, enc = decode(data, "x.txt")
    assert text == TEXT
    assert enc == encoding


def test_binary_file_is_refused_with_its_name(tmp_path):
    p = write(tmp_path / "img.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    with pytest.raises(InputError, match=r"img\.txt: binary file"):
        read_text(p)


def test_file_over_the_size_limit_is_refused(tmp_path):
    p = write(tmp_path / "big.txt", "word " * 100)
    with pytest.raises(InputError, match=r"big\.txt: file is 500 bytes, over the limit of 100"):
        read_text(p, max_bytes=100)


def test_empty_and_missing_files_are_refused(tmp_path):
    with pytest.raises(InputError, match="file is empty"):
        read_text(write(tmp_path / "empty.txt", "  \n"))
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_every_line_break_is_a_paragraph_break(tmp_path, newline):
    p = write(
        tmp_path / "a.txt", newline.join(["Headline without stop", "First para. Two sentences.", "Third"]).encode()
    )
    src = read_source(p)
    texts = [src.text[x.start : x.end] for x in src.sentences]
    assert texts == ["Headline without stop", "First para.", "Two sentences.", "Third"]
    assert [src.line_of(x.start) for x in src.sentences] == [1, 2, 2, 3]


def test_front_matter_is_metadata(tmp_path):
    p = write(tmp_path / "a.md", "---\ntitle: My Title\noutlet: Paper\n---\nBody sentence here.\n")
    src = read_source(p)
    assert src.meta["title"] == "My Title"
    assert [x.text for x in src.sentences] == ["Body sentence here."]


def test_sidecar_metadata(corpus):
    itpro = next(s for s in corpus.sources if s.id == "ukaus-itpro")
    assert itpro.meta["outlet"] == "ITPro"
    assert itpro.title == "UK and Australia agree to work more closely on AI security"


def test_finding_articles_is_what_rglob_finds(tmp_path):
    """The articles under a folder, in the order and by the rules of Path.rglob and is_file:
    nested folders, links to files followed, links to folders not entered, hidden files and
    other suffixes left out, and paths sorted part by part ("a/b" before "a-c")."""
    import os

    from factcheck.ingest import SOURCE_SUFFIXES, find_source_files

    top = tmp_path / "src"
    for rel in [
        "a/b.txt",
        "a-c.txt",
        "a/z/deep.md",
        "B.TXT",
        "x.markdown",
        "notes.doc",
        ".hidden.txt",
        "a/.also-hidden.md",
        "name.",
        "plain",
        "dir.txt/inner.txt",
        ".git/HEAD.md",
        "é/ü.txt",
    ]:
        p = top / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x\n", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "o.txt").write_text("x\n", encoding="utf-8")
    os.symlink(outside / "o.txt", top / "link.txt")
    os.symlink(outside, top / "linked-folder")
    os.symlink(tmp_path / "missing.txt", top / "broken.txt")
    want = sorted(
        f for f in top.rglob("*") if f.is_file() and f.suffix.lower() in SOURCE_SUFFIXES and not f.name.startswith(".")
    )
    got = find_source_files(top)
    assert got == want
    # (a hidden folder's articles count, as they always have: only the file's own name is asked)
    assert [str(p.relative_to(top)) for p in got][:5] == [".git/HEAD.md", "B.TXT", "a/b.txt", "a/z/deep.md", "a-c.txt"]
    assert top / "link.txt" in got and not any("linked-folder" in str(p) for p in got)
