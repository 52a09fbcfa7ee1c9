"""How the README's commands are read (tests/readme_commands.py): what test_readme.py runs."""

from __future__ import annotations

from tests.readme_commands import commands, split_comment

MARKDOWN = """# Title

```sh
make run    # set up and run
```

Text with `inline` code.

```python
print("not a command")
```

```sh
# a comment line
.venv/bin/ocrmesh serve tesseract --port 50062        # one backend  # needs: gpu
curl -d '{"a": "#1"}' \\
    http://127.0.0.1:8080/x                           # JSON with a hash  # needs: hub|docker
base64 -w0 a.pdf | jq -Rs '{document: {content: .}}' \\
    | grpcurl -plaintext -d @ 127.0.0.1:50061 ocrmesh.v1.OcrService/Process   # needs: grpcurl, jq

curl http://x/#anchor
```
"""


def test_blocks_lines_and_continuations() -> None:
    found = commands(MARKDOWN)
    assert [c.text for c in found] == [
        "make run",
        ".venv/bin/ocrmesh serve tesseract --port 50062",
        """curl -d '{"a": "#1"}' http://127.0.0.1:8080/x""",
        (
            "base64 -w0 a.pdf | jq -Rs '{document: {content: .}}' "
            "| grpcurl -plaintext -d @ 127.0.0.1:50061 ocrmesh.v1.OcrService/Process"
        ),
        "curl http://x/#anchor",
    ]
    assert [c.line for c in found] == [4, 15, 16, 18, 21]


def test_needs_program_and_subcommand() -> None:
    make, serve, curl, pipeline, anchor = commands(MARKDOWN)
    assert make.needs == () and make.program == "make" and make.subcommand == ""
    assert serve.needs == ("gpu",) and serve.program == "ocrmesh" and serve.subcommand == "serve"
    assert curl.needs == ("hub", "docker")
    assert pipeline.needs == ("grpcurl", "jq") and pipeline.program == "base64"
    assert anchor.needs == () and anchor.comment == ""


def test_a_hash_in_quotes_or_in_a_word_is_no_comment() -> None:
    assert split_comment("""echo '# no' "# no" a#b  # yes""") == ("""echo '# no' "# no" a#b""", "yes")
    assert split_comment("echo plain") == ("echo plain", "")
