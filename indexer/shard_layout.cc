// Placeholder: filled in on a feature branch.
