"""The app's screens: the reader, and the modal dialogs it opens."""
