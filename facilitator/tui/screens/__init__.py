"""The app's screens: start, meeting, minutes preview and help."""
