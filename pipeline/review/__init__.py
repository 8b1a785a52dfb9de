"""Review: sign-off records, policy, audit and the local review app."""
