"""The Programme tab: a tree of items and sub-topics, and each item's moderators and speakers."""
