"""UI tests: real widgets, offscreen."""
