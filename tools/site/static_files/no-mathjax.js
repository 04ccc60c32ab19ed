// The lessons have no mathematics. myst-nb asks Sphinx to load MathJax on every page,
// which would fetch it from a CDN; this empty local file stands in its place.
