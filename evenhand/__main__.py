"""``python -m evenhand`` runs the command line."""

from evenhand.cli import main

main()
