"""``python -m factcheck``."""

from .cli import main

main(prog_name="factcheck")
