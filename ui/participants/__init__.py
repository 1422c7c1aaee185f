"""The Participants tab: the attendance list of the open meeting."""
