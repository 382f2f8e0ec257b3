"""``python -m gdprgate`` runs the command line."""

from gdprgate.cli import main

main()
