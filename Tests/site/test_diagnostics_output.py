"""What an editor reads when something is wrong: `atelier check` in a terminal (the line and a caret under the
place, colours only on a terminal) and `atelier check --format json` for an editor plug-in or a CI annotation.
Both are compared with golden files; `UPDATE_GOLDEN=1` rewrites them after a deliberate change."""
import json
import os
import pty
import shutil
import subprocess

from conftest import ATELIER, ROOT

GOLDEN = ROOT / "Tests" / "site" / "golden"


def project(tmp_path):
    shutil.copytree(GOLDEN / "diagnostics" / "content", tmp_path / "content")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return tmp_path


def check(root, *extra, env=None):
    return subprocess.run([ATELIER, "check", "--root", str(root), *extra], capture_output=True, text=True,
                          env={**os.environ, "NO_COLOR": "1", **(env or {})})


def compare(actual, name):
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual)
    assert actual == path.read_text()


def test_each_diagnostic_shows_its_line_with_a_caret_then_a_count_per_file(tmp_path):
    result = check(project(tmp_path))
    assert result.returncode == 1
    assert result.stdout == ""
    compare(result.stderr, "diagnostics.txt")


def test_the_json_format_is_an_array_with_every_documented_field(tmp_path):
    result = check(project(tmp_path), "--format", "json")
    assert result.returncode == 1
    compare(result.stdout, "diagnostics.json")
    items = json.loads(result.stdout)
    assert {tuple(sorted(item)) for item in items} == {
        ("code", "column", "end_column", "file", "hint", "line", "message", "severity")}
    assert {item["severity"] for item in items} == {"error", "warning"}
    date = next(item for item in items if item["message"].startswith("date impossible"))
    assert (date["file"], date["line"], date["column"], date["end_column"]) == ("content/fiches/ete.md", 3, 7, 17)


def test_the_json_of_a_clean_project_is_an_empty_array(tmp_path):
    root = project(tmp_path)
    shutil.rmtree(root / "content" / "fiches")
    shutil.rmtree(root / "content" / "evenements")
    result = check(root, "--format", "json")
    assert (result.returncode, json.loads(result.stdout)) == (0, [])


def on_a_terminal(args, env):
    """Runs the command with a pseudo-terminal as its output, as an editor's terminal would."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(ATELIER, [ATELIER, *args], env)
    output = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.waitpid(pid, 0)
    return output.decode()


def test_colours_only_on_a_terminal_and_never_with_no_color(tmp_path):
    root = project(tmp_path)
    plain = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    coloured = on_a_terminal(["check", "--root", str(root)], plain)
    assert "\x1b[1;31mcontent/fiches/ete.md:3:7: erreur[date-invalide]: date impossible" in coloured
    assert "\x1b[1;31m^^^^^^^^^^\x1b[0m" in coloured
    assert "\x1b[" not in on_a_terminal(["check", "--root", str(root)], {**plain, "NO_COLOR": "1"})
    piped = subprocess.run([ATELIER, "check", "--root", str(root)], capture_output=True, text=True, env=plain)
    assert "date impossible" in piped.stderr and "\x1b[" not in piped.stderr
