"""``python -m evenhand`` runs the command line."""

from evenhand.start import main

main()
