"""Each person's home after login, built from the roles they hold."""
