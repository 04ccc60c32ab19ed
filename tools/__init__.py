"""Repository tooling that needs the checkout (notebooks/, media/); not installed."""
