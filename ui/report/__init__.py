"""The Compte-rendu tab: the report outline and the editor of its sections and blocks."""
