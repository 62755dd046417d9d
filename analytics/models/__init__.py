"""Domain models: rules from law, cluster candidates, registry checks, discovery, subsidies."""
