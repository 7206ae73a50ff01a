"""Developer tools, outside the runtime package: local server, benchmark, Chromium launcher, page weight."""
