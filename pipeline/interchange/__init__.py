"""Exchange with translation agencies' CAT tools: XLIFF 2.1 / 1.2 export and import, TMX."""
