"""Services: every change a user can make, as functions of an open Session.

A service never opens a session nor commits: the caller wraps one user
action in ``Database.transaction()`` so it lands whole or not at all.
"""
