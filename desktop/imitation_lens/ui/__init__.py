"""The Qt layer: windows, widgets and the glue that keeps slow work off the GUI thread."""
