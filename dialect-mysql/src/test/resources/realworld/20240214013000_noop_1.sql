# Placeholder for the hotfix that went out by hand on 2024-03-02 (already in the schema).
# Keel records it; nothing is sent.
